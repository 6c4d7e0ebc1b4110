package com.ticketledger.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Sends an answer once it is complete rather than when a message converter flushes it. Spring's converters flush
 * the servlet's output after writing a body; Tomcat then commits the answer as it stands, without a length, and
 * sends it chunked: the head and the body in one write, the closing chunk in a second, which the client has to wait
 * for and read as well. Without those flushes Tomcat sends a body that fits its buffer at the end of the request,
 * with its {@code Content-Length}, in one write. A body larger than the buffer is still sent as it is written, in
 * chunks, so nothing is held in memory beyond Tomcat's own buffer; only a flush asked for by the code is dropped,
 * and no answer of the ledger streams (no server-sent events, no long-lived responses).
 */
public final class WholeResponseFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new WholeResponse(response));
    }

    /** The response, its output stream's flushes and its buffer's flush left to the end of the request. */
    static final class WholeResponse extends HttpServletResponseWrapper {

        private ServletOutputStream output;

        WholeResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new UnflushedOutput(super.getOutputStream());
            }
            return output;
        }

        @Override
        public void flushBuffer() {
            // sent when the request ends, with its length
        }
    }

    /** The container's output stream but for {@link #flush()}. */
    private static final class UnflushedOutput extends ServletOutputStream {

        private final ServletOutputStream container;

        UnflushedOutput(ServletOutputStream container) {
            this.container = container;
        }

        @Override
        public void write(int b) throws IOException {
            container.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            container.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // sent when the request ends, with its length
        }

        @Override
        public void close() throws IOException {
            container.close();
        }

        @Override
        public boolean isReady() {
            return container.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            container.setWriteListener(listener);
        }
    }
}
