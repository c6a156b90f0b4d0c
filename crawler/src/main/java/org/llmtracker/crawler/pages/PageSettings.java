package org.llmtracker.crawler.pages;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import org.llmtracker.crawler.http.HttpSettings;

/**
 * How reference pages are fetched.
 *
 * @param http         timeouts, deadline, retries, body cap (a longer page is read up to it: the title
 *                     sits near the top), user agent
 * @param maxRedirects redirects followed at most; each hop is checked like the first URL
 * @param allowedHosts {@code host:port} entries fetched even though they resolve to loopback or private addresses
 * @param refreshAfter a page fetched more recently than this is skipped
 * @param concurrency  pages fetched at once: every page is its own host, and a trickling one holds its fetch
 *                     for the whole deadline, so one after another 100 of them held the job 100 minutes
 */
public record PageSettings(HttpSettings http, int maxRedirects, Set<String> allowedHosts, Duration refreshAfter,
        int concurrency) {

    public PageSettings {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(refreshAfter, "refreshAfter");
        allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
        if (maxRedirects < 0 || concurrency < 1) {
            throw new IllegalArgumentException("maxRedirects must be >= 0 and concurrency >= 1, got " + maxRedirects
                    + ", " + concurrency);
        }
    }
}
