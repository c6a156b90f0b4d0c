package org.llmtracker.crawler.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import okhttp3.Response;

/**
 * Keeps the last repository document the client received, whether fresh or revalidated from
 * the cache, and whether it was a 304. github-api 1.330 exposes neither the document's
 * {@code topics} and {@code license} (its getters make extra requests) nor whether a response
 * came from the cache; reading them here keeps an unchanged repository at one request.
 * The crawl is sequential, so "last" is unambiguous.
 */
final class DocumentTap {

    private static final Pattern REPOSITORY = Pattern.compile(".*/(repos/[^/]+/[^/]+|repositories/\\d+)$");

    private volatile Document last;

    /** Looks at an answer whose body is in memory (the policy read it). */
    void offer(Response response) throws IOException {
        if (response.isSuccessful() && REPOSITORY.matcher(response.request().url().encodedPath()).matches()) {
            boolean notModified = response.networkResponse() != null && response.networkResponse().code() == 304;
            last = new Document(text(response), notModified);
        }
    }

    // github-api asks for gzip itself, so OkHttp hands the body over still compressed.
    private static String text(Response response) throws IOException {
        byte[] bytes = response.peekBody(Long.MAX_VALUE).bytes();
        if ("gzip".equalsIgnoreCase(response.header("Content-Encoding"))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Forgets the last document, before asking for the next. */
    void clear() {
        last = null;
    }

    Document last() {
        return last;
    }

    record Document(String body, boolean notModified) {
    }
}
