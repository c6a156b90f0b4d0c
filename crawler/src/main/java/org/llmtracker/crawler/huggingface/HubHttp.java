package org.llmtracker.crawler.huggingface;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GET against the Hub with the crawler's HTTP policy: a token when configured, redirects
 * left to the caller (a 307 is a rename worth recording), 5xx and timeouts retried with
 * bounded exponential back-off, 429 answered by waiting as long as the Hub asks (up to
 * {@link HubSettings#maxWait()}), and a pause when the RateLimit header says the window is spent.
 */
final class HubHttp {

    private static final Logger log = LoggerFactory.getLogger(HubHttp.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int MAX_RATE_LIMIT_WAITS = 5;

    private final HttpClient client;
    private final HubSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Runnable onRequest;

    HubHttp(HubSettings settings, Sleeper sleeper, Clock clock, Runnable onRequest) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
        this.onRequest = onRequest;
    }

    HttpResponse<String> get(URI uri) {
        int failures = 0;
        int rateLimitWaits = 0;
        while (true) {
            HttpResponse<String> response;
            try {
                onRequest.run();
                response = client.send(request(uri), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                failures++;
                if (failures >= settings.maxAttempts()) {
                    throw new HubException("GET " + uri + " failed after " + failures + " attempts: " + e, e);
                }
                backOff(uri, failures, e.toString());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HubException("interrupted while fetching " + uri, e);
            }
            int status = response.statusCode();
            if (status == 429) {
                Duration wait = RateLimits.retryAfter(response.headers(), clock.instant()).orElse(Duration.ofSeconds(60));
                if (++rateLimitWaits > MAX_RATE_LIMIT_WAITS || wait.compareTo(settings.maxWait()) > 0) {
                    throw new RateLimitedException(uri.toString(), wait);
                }
                log.info("Hub rate limit on {}: waiting {}s", uri, wait.toSeconds());
                pause(wait);
                continue;
            }
            if (status >= 500) {
                failures++;
                if (failures >= settings.maxAttempts()) {
                    throw new HubException("GET " + uri + " answered " + status + " " + failures + " times");
                }
                backOff(uri, failures, "HTTP " + status);
                continue;
            }
            Optional<Duration> spent = RateLimits.exhausted(response.headers());
            if (spent.isPresent()) {
                if (spent.get().compareTo(settings.maxWait()) > 0) {
                    throw new RateLimitedException(uri.toString(), spent.get());
                }
                pause(spent.get());
            }
            return response;
        }
    }

    private HttpRequest request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", "llm-tracker")
                .GET();
        if (!settings.token().isEmpty()) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        return request.build();
    }

    private void backOff(URI uri, int failures, String why) {
        long factor = 1L << Math.min(failures - 1, 10);
        Duration wait = FIRST_BACKOFF.multipliedBy(factor);
        wait = wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
        log.info("GET {} failed ({}); retry {} in {}s", uri, why, failures, wait.toSeconds());
        pause(wait);
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("interrupted while waiting " + wait.toSeconds() + "s for the Hub", e);
        }
    }
}
