package org.llmtracker.crawler.github;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.llmtracker.crawler.http.RetryPolicy;

/**
 * How the GitHub crawler talks to GitHub.
 *
 * @param apiUrl          the REST endpoint (a mirror or recording in tests)
 * @param token           a token, or empty for anonymous access (60 requests an hour)
 * @param cacheDir        the HTTP cache: what lets an unchanged repository cost a 304 and no quota
 * @param cacheMaxBytes   the cache's size bound
 * @param connectTimeout  per connection attempt
 * @param readTimeout     per read; a timeout is retried like a 5xx
 * @param retry           retries, back-off and the longest acceptable rate-limit wait
 * @param maxReleasePages pages of 100 releases read per repository, newest first
 * @param detailsMaxAge   releases and README are re-read when the repository was pushed, or after this long
 */
public record GithubSettings(URI apiUrl, String token, Path cacheDir, long cacheMaxBytes, Duration connectTimeout,
        Duration readTimeout, RetryPolicy retry, int maxReleasePages, Duration detailsMaxAge) {

    public GithubSettings {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(retry, "retry");
        token = token == null ? "" : token.trim();
        if (maxReleasePages < 1) {
            throw new IllegalArgumentException("maxReleasePages must be >= 1, got " + maxReleasePages);
        }
    }

    public boolean authenticated() {
        return !token.isEmpty();
    }

    /** The endpoint without a trailing slash, to append paths to. */
    String base() {
        String s = apiUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
