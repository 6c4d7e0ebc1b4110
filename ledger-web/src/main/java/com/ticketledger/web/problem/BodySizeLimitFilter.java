package com.ticketledger.web.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Request bodies over the limit (docs/api.md: 64 KiB) get a 400 problem. A declared Content-Length over it is
 * refused before anything is read; a body without one (chunked) fails as soon as it passes the limit. A
 * multipart request (an upload) has a limit of its own, the file's and a body's worth of the other fields: over
 * it, a 413 problem that names the file limit. Its parts are read by the servlet container, held to the same
 * limits by the multipart configuration ({@code LedgerWebAutoConfiguration}).
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemWriter problems;
    private final long multipartLimit;
    private final long fileLimit;

    public BodySizeLimitFilter(long limit, ProblemWriter problems) {
        this(limit, problems, limit, limit);
    }

    public BodySizeLimitFilter(long limit, ProblemWriter problems, long multipartLimit, long fileLimit) {
        this.limit = limit;
        this.problems = problems;
        this.multipartLimit = multipartLimit;
        this.fileLimit = fileLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request)) {
            if (request.getContentLengthLong() > multipartLimit) {
                problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", fileLimit,
                        mebibytes(fileLimit));
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            problems.write(response, HttpStatus.BAD_REQUEST, "body-too-large", limit, limit / 1024);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    /** A size in MiB for people: 10485760 → "10", 1572864 → "1.5". */
    public static String mebibytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024 * 1024), 2,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
