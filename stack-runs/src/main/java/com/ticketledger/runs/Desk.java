package com.ticketledger.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Speaks the REST contract as the demo users do, over HTTP/1.1 connections kept alive between requests.
 * The load generator shares the machine with the stack it measures, so it spends as little CPU on a request
 * as it can: a blocking socket and the bytes of the request, where {@code java.net.http} spent about 1 ms of
 * CPU per request, a seventh of the whole machine's time per command. A request is never sent twice: a
 * connection idle for over a second is closed rather than reused (the server may be closing it), and a
 * request that fails is answered with status 0.
 */
final class Desk {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    private static final int READ_TIMEOUT_MILLIS = 15_000;
    private static final long IDLE_LIMIT_NANOS = Duration.ofSeconds(1).toNanos();

    /**
     * An answer; status 0 when the server could not be reached at all. {@code serverTiming}: its Server-Timing
     * header, empty when it sent none.
     */
    record Answer(int status, String contentType, String body, long position, String serverTiming) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    final int port;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    Desk(int port) {
        this.port = port;
    }

    Answer post(String user, String path, String body, String correlationId) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = head("POST", user, path)
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n");
        if (correlationId != null) {
            head.append("X-Correlation-Id: ").append(correlationId).append("\r\n");
        }
        return send(head, content);
    }

    Answer get(String user, String path) {
        return send(head("GET", user, path), new byte[0]);
    }

    private StringBuilder head(String method, String user, String path) {
        return new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Authorization: Basic ").append(Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).append("\r\n");
    }

    private Answer send(StringBuilder head, byte[] content) {
        Connection connection = null;
        try {
            connection = connection();
            connection.out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            connection.out.write(content);
            connection.out.flush();
            Answer answer = connection.readAnswer();
            if (connection.keepAlive) {
                connection.idleSince = System.nanoTime();
                idle.push(connection);
            } else {
                connection.close();
            }
            return answer;
        } catch (IOException e) {
            if (connection != null) {
                connection.close();
            }
            return new Answer(0, "", e.getClass().getSimpleName(), -1, "");
        }
    }

    private Connection connection() throws IOException {
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            if (System.nanoTime() - connection.idleSince < IDLE_LIMIT_NANOS) {
                return connection;
            }
            connection.close();
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress("localhost", port), CONNECT_TIMEOUT_MILLIS);
            return new Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** One HTTP/1.1 connection: a request written, then its answer read whole, then the next. */
    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean keepAlive;
        private long idleSince;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
        }

        Answer readAnswer() throws IOException {
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            keepAlive = parts[0].equals("HTTP/1.1");
            String contentType = "";
            long position = -1;
            String serverTiming = "";
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-type" -> contentType = value;
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive = keepAlive && !value.equalsIgnoreCase("close");
                    case "x-ledger-position" -> position = Long.parseLong(value);
                    case "server-timing" -> serverTiming = value;
                    default -> {
                    }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (status == 204 || status == 304) {
                length = 0;
            }
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    copy(size, body);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers: none expected, none kept
                }
            } else if (length >= 0) {
                copy(length, body);
            } else {
                in.transferTo(body);
                keepAlive = false;
            }
            return new Answer(status, contentType, body.toString(StandardCharsets.UTF_8), position, serverTiming);
        }

        private long chunkSize() throws IOException {
            String line = line();
            int extension = line.indexOf(';');
            return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
        }

        private void copy(long length, ByteArrayOutputStream body) throws IOException {
            byte[] buffer = new byte[8192];
            for (long left = length; left > 0; ) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new EOFException("the answer ended early");
                }
                body.write(buffer, 0, read);
                left -= read;
            }
        }

        /** A line of the head, without its CRLF. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the connection closed mid-answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
