package org.llmtracker.crawler.pages;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How reference pages are fetched.
 *
 * @param timeout      connect and read timeout per request
 * @param maxBodyBytes bytes read of a page at most (a title sits near the top)
 * @param maxRedirects redirects followed at most; each hop is checked like the first URL
 * @param allowedHosts hosts fetched even though they resolve to loopback or private addresses
 * @param refreshAfter a page fetched more recently than this is skipped
 * @param userAgent    sent with every request
 */
public record PageSettings(Duration timeout, int maxBodyBytes, int maxRedirects, Set<String> allowedHosts,
        Duration refreshAfter, String userAgent) {

    public PageSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(refreshAfter, "refreshAfter");
        allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
        if (maxBodyBytes < 1 || maxRedirects < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1 and maxRedirects >= 0");
        }
    }
}
