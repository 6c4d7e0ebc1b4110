package com.ticketledger.command.attachment;

import com.ticketledger.store.AttachmentBlobs;
import com.ticketledger.web.content.ContentSniffer;
import com.ticketledger.web.content.FileNames;
import com.ticketledger.web.problem.BodySizeLimitFilter;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A file as the ledger will record it: its cleaned display name, the type its bytes show, its size and
 * SHA-256, and the bytes. Made only from an upload that passed every check of {@link #of}.
 */
public record Upload(String fileName, String mediaType, long size, String sha256, byte[] content) {

    /**
     * Reads and checks an uploaded file: not over {@code ledger.attachments.max-size} (413), not empty (400),
     * neither its sniffed type nor its name's extension denied (415).
     */
    public static Upload of(MultipartFile file, AttachmentProperties properties) {
        long limit = properties.maxSize().toBytes();
        if (file.getSize() > limit) {
            throw new UploadRefused(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", limit,
                    BodySizeLimitFilter.mebibytes(limit));
        }
        if (file.isEmpty()) {
            throw new UploadRefused(HttpStatus.BAD_REQUEST, "empty-file");
        }
        byte[] content = bytes(file);
        String name = FileNames.displayName(file.getOriginalFilename());
        String mediaType = ContentSniffer.mediaType(content);
        if (properties.deniesMediaType(mediaType)) {
            throw new UploadRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "denied-media-type", mediaType);
        }
        String extension = FileNames.extension(name);
        if (properties.deniesExtension(extension)) {
            throw new UploadRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "denied-extension", extension);
        }
        return new Upload(name, mediaType, content.length, AttachmentBlobs.sha256(content), content);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("an uploaded part could not be read", e);
        }
    }
}
