package com.ticketledger.runs;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack runs' mail server takes a sender's messages over one connection and counts each. */
class SmtpSinkTest {

    @Test
    void countsEveryMessageOfAConversationAndAnswersEachStepAsASenderExpects() throws Exception {
        try (SmtpSink sink = SmtpSink.start();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), sink.port());
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)) {
            List<String> replies = new ArrayList<>();
            replies.add(in.readLine());
            for (String line : List.of("EHLO ledger", "MAIL FROM:<ledger@desk.example>", "RCPT TO:<a@acme.example>",
                    "DATA", "Subject: uno\r\n\r\n..una línea con punto\r\n.", "MAIL FROM:<ledger@desk.example>",
                    "RCPT TO:<b@acme.example>", "DATA", "Subject: dos\r\n\r\ntexto\r\n.", "QUIT")) {
                out.write(line + "\r\n");
                out.flush();
                replies.add(in.readLine());
            }

            assertThat(replies).extracting(reply -> reply.substring(0, 3)).containsExactly(
                    "220", "250", "250", "250", "354", "250", "250", "250", "354", "250", "221");
            assertThat(sink.received()).isEqualTo(2);
        }
    }
}
