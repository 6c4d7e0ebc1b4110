package com.ticketledger.web.content;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The type is what the bytes are, whatever a file is called. */
class ContentSnifferTest {

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void theCommonTypesAreRecognisedByTheirMagicNumbers() {
        assertThat(ContentSniffer.mediaType(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0)))
                .isEqualTo("image/png");
        assertThat(ContentSniffer.mediaType(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).isEqualTo("image/jpeg");
        assertThat(ContentSniffer.mediaType("GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("image/gif");
        assertThat(ContentSniffer.mediaType("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("application/pdf");
        assertThat(ContentSniffer.mediaType("Error 0x80070005: access denied\r\n\tat line 3\n"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
        assertThat(ContentSniffer.mediaType("Café: ñandú ✓".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
    }

    @Test
    void aZipIsAZipAndAJarIsAJavaArchive() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("logs/gateway.log"));
            out.write("down".getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, new Manifest())) {
            out.putNextEntry(new ZipEntry("Evil.class"));
            out.write(bytes(0xCA, 0xFE, 0xBA, 0xBE));
        }

        assertThat(ContentSniffer.mediaType(zip.toByteArray())).isEqualTo("application/zip");
        assertThat(ContentSniffer.mediaType(jar.toByteArray())).isEqualTo("application/java-archive");
    }

    @Test
    void executablesAreRecognisedWhateverTheyAreCalled() {
        assertThat(ContentSniffer.mediaType("MZ\u0090\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("application/x-msdownload");
        assertThat(ContentSniffer.mediaType(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1))).isEqualTo("application/x-executable");
        assertThat(ContentSniffer.mediaType("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("application/x-sh");
        assertThat(ContentSniffer.mediaType(bytes(0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 61))).isEqualTo("application/java-vm");
        assertThat(ContentSniffer.mediaType(bytes(0xCF, 0xFA, 0xED, 0xFE, 7, 0))).isEqualTo("application/x-mach-binary");
    }

    @Test
    void markupIsOnlyText() {
        assertThat(ContentSniffer.mediaType("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/plain");
        assertThat(ContentSniffer.mediaType("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
    }

    @Test
    void anythingElseIsAnOctetStream() {
        assertThat(ContentSniffer.mediaType(bytes(0, 1, 2, 3, 4))).isEqualTo("application/octet-stream");
        assertThat(ContentSniffer.mediaType(bytes(0xC3, 0x28))).as("not UTF-8").isEqualTo("application/octet-stream");
        assertThat(ContentSniffer.mediaType(bytes(0x89, 'P', 'N'))).as("a PNG cut short")
                .isEqualTo("application/octet-stream");
        assertThat(ContentSniffer.mediaType("PK".getBytes(StandardCharsets.US_ASCII))).isEqualTo("text/plain");
    }
}
