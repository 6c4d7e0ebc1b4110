package com.ticketledger.query.attachment;

import com.ticketledger.query.consistency.ReadsProjection;
import com.ticketledger.query.processing.ProcessingGroups;
import com.ticketledger.query.read.Viewer;
import com.ticketledger.store.AttachmentBlobs;
import com.ticketledger.web.content.ContentSniffer;
import com.ticketledger.web.content.FileNames;
import com.ticketledger.web.openapi.ProblemAnswers;
import com.ticketledger.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * {@code GET /api/tickets/{id}/attachments/{attachmentId}}: the bytes of an attachment, for whoever may see it in
 * the ticket's history (a client: PUBLIC attachments of its own organisation; anyone else: 404). Uploads are
 * hostile until proven otherwise, so the answer is never rendered by a browser: always a download
 * ({@code Content-Disposition: attachment}), of the type the bytes show rather than any name or claim, with
 * content sniffing off and a sandboxing Content-Security-Policy should it be opened anyway.
 */
@RestController
@RequestMapping(path = "/api/tickets")
@ReadsProjection(ProcessingGroups.TICKET_HISTORY)
@Tag(name = "Tickets")
class AttachmentController {

    private static final Logger log = LoggerFactory.getLogger(AttachmentController.class);

    /** Nothing of the answer runs, loads or is framed, even if a browser is told to show it. */
    static final String SANDBOX = "sandbox; default-src 'none'; frame-ancestors 'none'";

    private final JdbcClient jdbc;
    private final AttachmentBlobs blobs;

    AttachmentController(JdbcClient jdbc, AttachmentBlobs blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    private record Listed(String fileName, String sha256) {
    }

    @Operation(operationId = "downloadAttachment", summary = "Download an attachment",
            description = "The file's bytes as a download (`Content-Disposition: attachment`), typed by what the bytes"
                    + " are (PNG, JPEG, GIF, PDF, ZIP, plain text, else `application/octet-stream`), never rendered"
                    + " inline. A client gets the PUBLIC attachments of its own organisation's tickets only; any other"
                    + " is a 404.")
    @ApiResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    @ProblemAnswers(ProblemResponse.NOT_FOUND)
    @GetMapping("/{ticketId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable UUID ticketId, @PathVariable UUID attachmentId) {
        Viewer viewer = Viewer.current();
        Listed listed = jdbc.sql("""
                        SELECT details->>'fileName' AS file_name, details->>'sha256' AS sha256
                        FROM ticket_history
                        WHERE ticket_id = :ticketId AND type = 'AttachmentAdded'
                          AND details->>'attachmentId' = :attachmentId
                          AND (CAST(:organisation AS VARCHAR) IS NULL
                               OR (client_id = :organisation AND visibility = 'PUBLIC'))""")
                .param("ticketId", ticketId)
                .param("attachmentId", attachmentId.toString())
                .param("organisation", viewer.organisation())
                .query((rs, n) -> new Listed(rs.getString("file_name"), rs.getString("sha256")))
                .optional()
                .orElseThrow(() -> new AttachmentNotFound(ticketId, attachmentId));
        byte[] content = blobs.find(listed.sha256()).orElseThrow(() -> {
            log.warn("attachment {} of ticket {} has no stored bytes (sha256 {})", attachmentId, ticketId,
                    listed.sha256());
            return new AttachmentNotFound(ticketId, attachmentId);
        });
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ContentSniffer.mediaType(content)))
                .contentLength(content.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(listed.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }
}
