package com.ticketledger.web.content;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The media type of a file told by its first bytes (magic numbers), never by its name or by what the uploader
 * claimed: the common types a desk receives (PNG, JPEG, GIF, PDF, ZIP, plain text), the executables a deny list
 * needs to recognise, and {@code application/octet-stream} for everything else. HTML, SVG and scripts are text
 * like any other: they are only ever served as {@code text/plain}, so a browser never renders them.
 */
public final class ContentSniffer {

    public static final String OCTET_STREAM = "application/octet-stream";
    public static final String TEXT = "text/plain";

    private ContentSniffer() {
    }

    public static String mediaType(byte[] content) {
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(content, 'G', 'I', 'F', '8', '7', 'a') || startsWith(content, 'G', 'I', 'F', '8', '9', 'a')) {
            return "image/gif";
        }
        if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (startsWith(content, 'P', 'K', 3, 4)) {
            return isJavaArchive(content) ? "application/java-archive" : "application/zip";
        }
        if (startsWith(content, 'P', 'K', 5, 6) || startsWith(content, 'P', 'K', 7, 8)) {
            return "application/zip";
        }
        if (startsWith(content, 'M', 'Z')) {
            return "application/x-msdownload";
        }
        if (startsWith(content, 0x7F, 'E', 'L', 'F')) {
            return "application/x-executable";
        }
        if (startsWith(content, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return "application/java-vm"; // a class file (or a universal Mach-O binary: the same magic)
        }
        if (startsWith(content, 0xFE, 0xED, 0xFA, 0xCE) || startsWith(content, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(content, 0xCE, 0xFA, 0xED, 0xFE) || startsWith(content, 0xCF, 0xFA, 0xED, 0xFE)) {
            return "application/x-mach-binary";
        }
        if (startsWith(content, '#', '!')) {
            return "application/x-sh";
        }
        return isText(content) ? TEXT : OCTET_STREAM;
    }

    /** A JAR is a ZIP whose first entry is the META-INF folder or its manifest, as the jar tool writes it. */
    private static boolean isJavaArchive(byte[] content) {
        if (content.length < 30) {
            return false;
        }
        int nameLength = (content[26] & 0xFF) | (content[27] & 0xFF) << 8;
        if (content.length < 30 + nameLength) {
            return false;
        }
        String name = new String(content, 30, nameLength, StandardCharsets.ISO_8859_1);
        return name.startsWith("META-INF/");
    }

    /** Valid UTF-8 (a BOM allowed) without control characters but tabs, line breaks and form feeds. */
    private static boolean isText(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
