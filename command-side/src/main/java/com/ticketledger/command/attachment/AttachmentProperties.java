package com.ticketledger.command.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;
import java.util.Locale;

/**
 * {@code ledger.attachments.*}. The size limit is also the HTTP layer's upload limit
 * ({@code ledger.http.max-upload-size} follows it in application.yml), so that both answer the same 413.
 *
 * @param maxSize            the largest file accepted
 * @param deniedMediaTypes   refused when the bytes show one of these types (the type is sniffed, never taken
 *                           from the request)
 * @param deniedExtensions   refused when the file's name ends in one of these, whatever its bytes
 */
@ConfigurationProperties("ledger.attachments")
public record AttachmentProperties(
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue({"application/x-msdownload", "application/x-dosexec", "application/x-executable",
                "application/x-sh", "application/java-archive", "application/java-vm",
                "application/x-mach-binary"}) List<String> deniedMediaTypes,
        @DefaultValue({"exe", "dll", "com", "scr", "msi", "bat", "cmd", "ps1", "vbs", "sh", "jar", "class",
                "apk", "app", "elf"}) List<String> deniedExtensions) {

    boolean deniesMediaType(String mediaType) {
        return deniedMediaTypes.stream().anyMatch(denied -> denied.strip().equalsIgnoreCase(mediaType));
    }

    boolean deniesExtension(String extension) {
        return !extension.isEmpty() && deniedExtensions.stream()
                .anyMatch(denied -> denied.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "").equals(extension));
    }
}
