package com.ticketledger.runs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mail server of the stack runs' query side: it speaks as much SMTP as a sender needs, on a free loopback port,
 * and counts the messages it is given instead of keeping them. A deployed ledger sends its notifications to a mail
 * server of its own; under {@code ./ledger start} the embedded default receives them in the query side's process
 * (a demo's mailbox), whose work is not the ledger's. This one runs in the load generator's process and its CPU is
 * counted there.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicLong received = new AtomicLong();

    private SmtpSink(ServerSocket server) {
        this.server = server;
    }

    static SmtpSink start() {
        try {
            SmtpSink sink = new SmtpSink(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread acceptor = new Thread(sink::accept, "smtp-sink");
            acceptor.setDaemon(true);
            acceptor.start();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("no port for the SMTP sink", e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Messages accepted so far. */
    long received() {
        return received.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread session = new Thread(() -> converse(connection), "smtp-sink-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** One connection: any number of messages, each MAIL, RCPT…, DATA, the text up to a lone dot. */
    private void converse(Socket connection) {
        try (connection;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
                Writer out = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.ISO_8859_1)) {
            reply(out, "220 sink ready");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "DATA" -> {
                        reply(out, "354 end with a lone dot");
                        String text;
                        while ((text = in.readLine()) != null && !text.equals(".")) {
                            // discarded
                        }
                        received.incrementAndGet();
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the sender hung up
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
