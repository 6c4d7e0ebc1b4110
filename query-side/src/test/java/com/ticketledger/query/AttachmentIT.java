package com.ticketledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.ticketledger.events.AttachmentAdded;
import com.ticketledger.events.SupportLevel;
import com.ticketledger.events.TicketAssigned;
import com.ticketledger.events.TicketOpened;
import com.ticketledger.events.Visibility;
import com.ticketledger.store.AttachmentBlobs;
import com.ticketledger.web.content.ContentSniffer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachments on the query side: in the history for whoever may see them, downloaded as a file of the type its
 * bytes show and never as something a browser renders, and their bytes checked by the audit's verification.
 */
class AttachmentIT extends QuerySideIT {

    static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    @Autowired
    AttachmentBlobs blobs;

    final Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
    TicketOpened ticket;
    long last;

    /** Bytes of their own for each test, so that no two tests share a stored file. */
    static byte[] unique(byte[] head) {
        byte[] tail = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] content = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, content, head.length, tail.length);
        return content;
    }

    /** Attaches {@code content} as the command side does: the bytes with the event, in one transaction. */
    AttachmentAdded attach(String fileName, byte[] content, Visibility visibility, By by) {
        AttachmentAdded added = new AttachmentAdded(ticket.ticketId(), UUID.randomUUID(), fileName,
                ContentSniffer.mediaType(content), content.length,
                AttachmentBlobs.sha256(content), visibility);
        transactions.executeWithoutResult(status -> blobs.keep(added.sha256(), content));
        last = append(added, by, at.plusSeconds(120 + last % 60));
        return added;
    }

    void acmeTicket() {
        ticket = Tickets.opened("acme");
        append(ticket, ACME_CLIENT, at);
        last = append(new TicketAssigned(ticket.ticketId(), "ana", null, SupportLevel.L1), OPERATOR, at.plusSeconds(60));
    }

    String download(AttachmentAdded added) {
        return "/api/tickets/" + ticket.ticketId() + "/attachments/" + added.attachmentId();
    }

    HttpResponse<byte[]> bytes(String user, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "?minPosition=" + last))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEngineerDownloadsTheFileAsADownloadOfTheTypeItsBytesShow() {
        acmeTicket();
        byte[] png = unique(PNG_HEADER);
        AttachmentAdded added = attach("pantallazo del error ñ.png", png, Visibility.INTERNAL, ANA);

        HttpResponse<byte[]> response = bytes("bruno", download(added));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(png);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"pantallazo del error _.png\"; "
                        + "filename*=UTF-8''pantallazo%20del%20error%20%C3%B1.png");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().allValues("X-Content-Type-Options")).hasSize(1);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).startsWith("sandbox").contains("default-src 'none'"));
    }

    @Test
    void markupIsServedAsPlainTextForDownloadNeverAsAPage() {
        acmeTicket();
        byte[] html = unique("<html><body><script>fetch('/api/me')</script>".getBytes(StandardCharsets.UTF_8));
        AttachmentAdded added = attach("page.html", html, Visibility.PUBLIC, ACME_CLIENT);

        HttpResponse<byte[]> response = bytes("acme-2", download(added));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment;"));
    }

    @Test
    void aClientDownloadsItsOrganisationsPublicFilesOnly() {
        acmeTicket();
        AttachmentAdded publicFile = attach("log.txt", unique("gateway log ".getBytes(StandardCharsets.UTF_8)),
                Visibility.PUBLIC, ANA);
        AttachmentAdded internalFile = attach("notes.txt", unique("internal ".getBytes(StandardCharsets.UTF_8)),
                Visibility.INTERNAL, ANA);

        assertThat(bytes("acme-1", download(publicFile)).statusCode()).isEqualTo(200);
        assertThat(bytes("acme-1", download(internalFile)).statusCode()).isEqualTo(404);
        assertThat(bytes("globex-1", download(publicFile)).statusCode()).isEqualTo(404);
        assertThat(bytes("auditor", download(internalFile)).statusCode()).isEqualTo(200);
        Answer unknown = getAt("operator", "/api/tickets/" + ticket.ticketId() + "/attachments/" + UUID.randomUUID(),
                last);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("detail").asText()).startsWith("no attachment ");
        assertThat(get("operator", "/api/tickets/" + ticket.ticketId() + "/attachments/not-a-uuid").status())
                .isEqualTo(400);
    }

    @Test
    void theHistoryShowsTheAttachmentToThoseWhoMaySeeIt() {
        acmeTicket();
        byte[] png = unique(PNG_HEADER);
        AttachmentAdded publicFile = attach("error.png", png, Visibility.PUBLIC, ACME_CLIENT);
        attach("trace.txt", unique("stack ".getBytes(StandardCharsets.UTF_8)), Visibility.INTERNAL, ANA);

        JsonNode desk = getAt("operator", "/api/tickets/" + ticket.ticketId() + "/history", last).json();
        JsonNode client = getAt("acme-1", "/api/tickets/" + ticket.ticketId() + "/history", last).json();

        assertThat(desk).hasSize(4);
        JsonNode entry = desk.get(2);
        assertThat(entry.get("type").asText()).isEqualTo("AttachmentAdded");
        assertThat(entry.get("actor").asText()).isEqualTo("acme-1");
        assertThat(entry.get("summary").asText()).isEqualTo("Attachment: error.png (image/png, " + png.length + " bytes)");
        assertThat(entry.get("details").get("attachmentId").asText()).isEqualTo(publicFile.attachmentId().toString());
        assertThat(entry.get("details").get("size").asLong()).isEqualTo(png.length);
        assertThat(desk.get(3).get("visibility").asText()).isEqualTo("INTERNAL");
        assertThat(client).hasSize(3);
        assertThat(client.get(2).get("details").get("fileName").asText()).isEqualTo("error.png");
    }

    @Test
    void anAttachmentChangesNoStatusButTheVersion() {
        acmeTicket();
        attach("error.png", unique(PNG_HEADER), Visibility.PUBLIC, ACME_CLIENT);

        JsonNode status = getAt("operator", "/api/tickets/" + ticket.ticketId(), last).json();

        assertThat(status.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(status.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void theVerificationChecksEachAttachmentsBytes() {
        acmeTicket();
        attach("error.png", unique(PNG_HEADER), Visibility.PUBLIC, ACME_CLIENT);

        JsonNode verification = get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/verify").json();

        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("attachments").asInt()).isEqualTo(1);
        assertThat(verification.get("brokenAttachments")).isEmpty();
    }

    @Test
    void bytesChangedBehindTheTriggersBackAreNamedByTheVerification() {
        acmeTicket();
        attach("error.png", unique(PNG_HEADER), Visibility.PUBLIC, ACME_CLIENT);
        AttachmentAdded tampered = attach("invoice.pdf", unique("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)),
                Visibility.PUBLIC, ANA);
        // A database superuser switches the append-only trigger off and swaps the invoice's bytes.
        jdbc.sql("ALTER TABLE attachment_blob DISABLE TRIGGER attachment_blob_append_only").update();
        try {
            jdbc.sql("UPDATE attachment_blob SET content = :content, size = :size WHERE sha256 = :sha256")
                    .param("content", "%PDF-1.7 forged".getBytes(StandardCharsets.US_ASCII))
                    .param("size", 15)
                    .param("sha256", tampered.sha256())
                    .update();
        } finally {
            jdbc.sql("ALTER TABLE attachment_blob ENABLE TRIGGER attachment_blob_append_only").update();
        }

        JsonNode verification = get("auditor", "/api/audit/tickets/" + ticket.ticketId() + "/verify").json();

        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenSequence").isNull()).as("the chain itself holds").isTrue();
        assertThat(verification.get("attachments").asInt()).isEqualTo(2);
        assertThat(verification.get("brokenAttachments")).hasSize(1);
        JsonNode broken = verification.get("brokenAttachments").get(0);
        assertThat(broken.get("attachmentId").asText()).isEqualTo(tampered.attachmentId().toString());
        assertThat(broken.get("sequence").asLong()).isEqualTo(3);
        assertThat(broken.get("fileName").asText()).isEqualTo("invoice.pdf");
        assertThat(broken.get("problem").asText()).isEqualTo("ALTERED");
    }

    @Test
    void theStoredBytesCannotBeChangedWithTheTriggerOn() {
        acmeTicket();
        AttachmentAdded added = attach("error.png", unique(PNG_HEADER), Visibility.PUBLIC, ACME_CLIENT);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "DELETE FROM attachment_blob WHERE sha256 = :sha256").param("sha256", added.sha256()).update())
                .rootCause().hasMessageContaining("append-only");
    }
}
