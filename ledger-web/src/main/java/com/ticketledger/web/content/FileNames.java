package com.ticketledger.web.content;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An uploaded file's name is only ever a label: kept for people to read, never used as a path on the server.
 * {@link #displayName} cleans it (no folders, no control or bidirectional-override characters, a length limit);
 * {@link #contentDisposition} sends it back as a download's name, encoded so it cannot break the header.
 */
public final class FileNames {

    /** Code points of a display name; a longer name keeps its extension and loses the end of its stem. */
    public static final int MAX_LENGTH = 200;
    static final String UNNAMED = "attachment";

    /** Control characters, and format characters (right-to-left overrides that disguise "exe.pdf" and the like). */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private FileNames() {
    }

    public static String displayName(String original) {
        if (original == null) {
            return UNNAMED;
        }
        String name = original;
        int folder = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(folder + 1);
        name = INVISIBLE.matcher(name).replaceAll("");
        name = SPACES.matcher(name).replaceAll(" ").strip();
        // "." and ".." name folders; names of dots only say nothing
        if (name.chars().allMatch(c -> c == '.')) {
            return UNNAMED;
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = shortened(name);
        }
        return name;
    }

    private static String shortened(String name) {
        String extension = extension(name);
        String suffix = extension.isEmpty() || extension.length() > 16 ? "" : "." + extension;
        String stem = name.substring(0, name.length() - suffix.length());
        int keep = MAX_LENGTH - suffix.length();
        return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + suffix;
    }

    /** The last extension of a name, lower case, without its dot; empty when it has none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
    }

    /**
     * {@code attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<percent-encoded>} (RFC 6266 and 8187):
     * never {@code inline}, and no character of the name can end the header or a parameter.
     */
    public static String contentDisposition(String displayName) {
        StringBuilder ascii = new StringBuilder();
        displayName.codePoints().forEach(c -> ascii.append(c < 0x7F && (Character.isLetterOrDigit(c)
                || " .-_()+,".indexOf(c) >= 0) ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncoded(displayName);
    }

    private static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            // RFC 8187's attr-char: letters, digits and !#$&+-.^_`|~ travel as they are
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
