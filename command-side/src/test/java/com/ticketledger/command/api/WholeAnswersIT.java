package com.ticketledger.command.api;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer leaves the server whole: its head says how long its body is, and the body is not sent in chunks (whose
 * closing chunk, after a converter's flush, went in a write of its own). Read off a plain socket, as sent.
 */
class WholeAnswersIT extends CommandSideIT {

    @Test
    void aCommittedCommandIsAnsweredWithItsLengthNotInChunks() throws IOException {
        UUID ticket = openTicket("operator", "acme");

        Raw answer = exchange("POST", "/api/tickets/" + ticket + "/notes", "ana",
                "{\"text\":\"checking the gateway\",\"visibility\":\"INTERNAL\"}");

        assertThat(answer.head()).startsWith("HTTP/1.1 200");
        assertSentWhole(answer);
        assertThat(answer.body()).contains("\"ticketId\":\"" + ticket + "\"");
    }

    @Test
    void aRefusedCommandsProblemIsAnsweredWithItsLengthNotInChunks() throws IOException {
        Raw answer = exchange("POST", "/api/tickets", "operator", "{\"clientId\":\"acme\"}");

        assertThat(answer.head()).startsWith("HTTP/1.1 400");
        assertSentWhole(answer);
        assertThat(answer.body()).contains("\"status\":400");
    }

    private static void assertSentWhole(Raw answer) {
        assertThat(answer.head().toLowerCase()).doesNotContain("transfer-encoding");
        assertThat(answer.contentLength()).isEqualTo(answer.body().getBytes(StandardCharsets.UTF_8).length);
    }

    /**
     * One request over a kept-alive socket of its own, as the desk's clients send them; the answer's head as it
     * came, and as many bytes of body as the head announced (none when it announced no length).
     */
    private Raw exchange(String method, String path, String user, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + basic(user, user) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int next = in.read();
                assertThat(next).as("the answer's head ends before the connection does").isNotNegative();
                head.write(next);
            }
            Raw answer = new Raw(head.toString(StandardCharsets.ISO_8859_1).strip(), "");
            long length = answer.contentLength();
            return length < 0 ? answer
                    : new Raw(answer.head(), new String(in.readNBytes((int) length), StandardCharsets.UTF_8));
        }
    }

    private record Raw(String head, String body) {

        long contentLength() {
            return head.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                    .mapToLong(line -> Long.parseLong(line.substring("content-length:".length()).trim()))
                    .findFirst().orElse(-1);
        }
    }
}
