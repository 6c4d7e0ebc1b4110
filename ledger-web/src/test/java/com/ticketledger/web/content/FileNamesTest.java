package com.ticketledger.web.content;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A file's name is a label to show and to send back, never a path. */
class FileNamesTest {

    @Test
    void foldersAreDroppedWhateverTheirSeparator() {
        assertThat(FileNames.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.displayName("C:\\Users\\marta\\Desktop\\error.png")).isEqualTo("error.png");
        assertThat(FileNames.displayName("..")).isEqualTo("attachment");
        assertThat(FileNames.displayName("logs/")).isEqualTo("attachment");
        assertThat(FileNames.displayName(null)).isEqualTo("attachment");
    }

    @Test
    void controlAndDirectionCharactersAreRemoved() {
        assertThat(FileNames.displayName("report\r\nSet-Cookie: x.txt")).isEqualTo("reportSet-Cookie: x.txt");
        assertThat(FileNames.displayName("invoice\u202Efdp.exe")).as("a right-to-left override disguising .exe")
                .isEqualTo("invoicefdp.exe");
        assertThat(FileNames.displayName("nul\u0000l.png")).isEqualTo("null.png");
    }

    @Test
    void aLongNameKeepsItsExtension() {
        String name = FileNames.displayName("x".repeat(500) + ".png");

        assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith("x.png");
    }

    @Test
    void theDownloadNameIsEncodedForTheHeader() {
        assertThat(FileNames.contentDisposition("captura de pantalla ñ.png")).isEqualTo(
                "attachment; filename=\"captura de pantalla _.png\"; "
                        + "filename*=UTF-8''captura%20de%20pantalla%20%C3%B1.png");
        assertThat(FileNames.contentDisposition("a\";inline;b.html")).startsWith("attachment; filename=\"a__inline_b.html\"");
    }

    @Property
    void aDisplayNameIsNeverAPathNorHoldsAnInvisibleCharacter(@ForAll @StringLength(max = 600) String original) {
        String name = FileNames.displayName(original);

        assertThat(name).isNotBlank().doesNotContain("/", "\\").isNotEqualTo("..").isNotEqualTo(".");
        assertThat(name.codePoints().filter(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT)).isEmpty();
        assertThat(name.codePointCount(0, name.length())).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
    }

    @Property
    void theDownloadHeaderIsPrintableAsciiAndGivesTheNameBack(@ForAll @StringLength(max = 300) String original) {
        String name = FileNames.displayName(original);
        String header = FileNames.contentDisposition(name);

        assertThat(header).startsWith("attachment; ").matches("[\\x20-\\x7E]*");
        String quoted = header.substring(header.indexOf("filename=\"") + 10, header.indexOf("\"; filename*="));
        assertThat(quoted).doesNotContain("\"", "\\", ";");
        String encoded = header.substring(header.indexOf("UTF-8''") + 7);
        assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(name);
    }
}
