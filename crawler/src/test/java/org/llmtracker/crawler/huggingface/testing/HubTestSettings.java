package org.llmtracker.crawler.huggingface.testing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.llmtracker.crawler.http.HttpSettings;
import org.llmtracker.crawler.http.Sleeper;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.huggingface.HubSettings;

/** Hub settings as the application's defaults have them (see the api module's HuggingfaceProperties), for a local stand-in. */
public final class HubTestSettings {

    private HubTestSettings() {
    }

    public static HubSettings of(URI apiUrl, String token, int maxDepth, long minDownloads, int maxPerFamily) {
        HttpSettings http = HttpSettings.builder("the Hub")
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)).deadline(Duration.ofSeconds(60))
                .maxAttempts(4).retryBaseDelay(Duration.ofSeconds(1)).maxRateLimitWait(Duration.ofMinutes(5))
                .maxBodyBytes(20 << 20).failuresBeforeDown(3).userAgent("llm-tracker-test").token(token).build();
        return new HubSettings(apiUrl, maxDepth, minDownloads, maxPerFamily, 100, http, 64);
    }

    /** Other attempts, rate-limit wait and timeouts (read timeout and deadline). */
    public static HubSettings withLimits(HubSettings settings, int attempts, Duration maxWait, Duration timeout) {
        HttpSettings http = settings.http().withAttempts(attempts, settings.http().retryBaseDelay())
                .withMaxRateLimitWait(maxWait).withTimeouts(settings.http().connectTimeout(), timeout, timeout);
        return settings.withHttp(http);
    }

    public static Upstream upstream(HubSettings settings, Sleeper sleeper, Clock clock) {
        return Upstream.builder(settings.http(), sleeper, clock).build();
    }
}
