package org.llmtracker.api.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps request bodies by counting the bytes read, not by trusting {@code Content-Length}
 * (a chunked body has none): a body declared too large is refused before it is read, one that
 * grows past the cap fails the read with {@link BodyTooLargeException}, which the problem
 * handler answers with 413. The table import takes a larger cap; the graph import (admin,
 * streamed in batches) none.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

    static final String TABLE_IMPORT = "/api/catalog/import";
    static final String GRAPH_IMPORT = "/api/import";

    private final long maxBody;
    private final long maxTableImport;
    private final ProblemResponses problems;

    BodyLimitFilter(long maxBody, long maxTableImport, ProblemResponses problems) {
        this.maxBody = maxBody;
        this.maxTableImport = maxTableImport;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath();
        if (GRAPH_IMPORT.equals(path)) {
            chain.doFilter(request, response);
            return;
        }
        long cap = TABLE_IMPORT.equals(path) ? maxTableImport : maxBody;
        if (request.getContentLengthLong() > cap) {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Content too large", BodyTooLargeException.detail(cap));
            return;
        }
        chain.doFilter(new Capped(request, cap), response);
    }

    /** Thrown by a capped body's stream once more than the cap has been read. */
    static final class BodyTooLargeException extends IOException {

        private final long cap;

        BodyTooLargeException(long cap) {
            super(detail(cap));
            this.cap = cap;
        }

        long cap() {
            return cap;
        }

        static String detail(long cap) {
            return "The request body is larger than " + (cap / 1024) + " KB, the most this route takes.";
        }
    }

    private static final class Capped extends HttpServletRequestWrapper {

        private final long cap;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), cap);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long cap;
        private long read;

        Counting(ServletInputStream in, long cap) {
            this.in = in;
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > cap) {
                throw new BodyTooLargeException(cap);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
