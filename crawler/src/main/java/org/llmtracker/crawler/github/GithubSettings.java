package org.llmtracker.crawler.github;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.llmtracker.crawler.http.HttpSettings;

/**
 * How the GitHub crawler talks to GitHub.
 *
 * @param apiUrl          the REST endpoint (a mirror or recording in tests)
 * @param cacheDir        the HTTP cache: what lets an unchanged repository cost a 304 and no quota
 * @param cacheMaxBytes   the cache's size bound
 * @param http            timeouts, retries, rate-limit wait, body cap, token (empty: anonymous, 60 requests an hour)
 * @param maxReleasePages pages of 100 releases read per repository, newest first
 * @param detailsMaxAge   releases and README are re-read when the repository was pushed, or after this long
 */
public record GithubSettings(URI apiUrl, Path cacheDir, long cacheMaxBytes, HttpSettings http, int maxReleasePages,
        Duration detailsMaxAge) {

    public GithubSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(detailsMaxAge, "detailsMaxAge");
        if (maxReleasePages < 1) {
            throw new IllegalArgumentException("maxReleasePages must be >= 1, got " + maxReleasePages);
        }
    }

    /** The endpoint without a trailing slash, to append paths to. */
    String base() {
        String s = apiUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
