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
 */
public record PageSettings(HttpSettings http, int maxRedirects, Set<String> allowedHosts, Duration refreshAfter) {

    public PageSettings {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(refreshAfter, "refreshAfter");
        allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, got " + maxRedirects);
        }
    }
}
