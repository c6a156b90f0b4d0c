package org.llmtracker.crawler.huggingface;

import java.net.URI;
import java.time.Duration;

/**
 * How the Hugging Face crawler talks to the Hub and how far discovery goes.
 *
 * @param apiUrl        the Hub (or a mirror, or a recording): {@code https://huggingface.co}
 * @param token         bearer token; empty for anonymous access (lower rate limits, no gated repos)
 * @param maxDepth      generations of derivatives followed below each catalogued model; 0 fetches the
 *                      catalogued models only
 * @param minDownloads  derivatives with fewer downloads are neither stored nor followed
 * @param maxPerFamily  at most this many models discovered below one catalogued model
 * @param pageSize      models per list page (the Hub accepts up to 1000; 100 keeps pages light)
 * @param maxAttempts   tries per request on 5xx and timeouts
 * @param maxWait       the longest rate-limit wait honoured in a run; a longer one ends the run PARTIAL
 * @param timeout       how long one request may take before it counts as failed (and is retried)
 */
public record HubSettings(URI apiUrl, String token, int maxDepth, long minDownloads, int maxPerFamily, int pageSize,
        int maxAttempts, Duration maxWait, Duration timeout) {

    public HubSettings {
        if (apiUrl == null) {
            throw new IllegalArgumentException("the Hub URL is required");
        }
        if (maxDepth < 0 || minDownloads < 0 || maxPerFamily < 1 || pageSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("discovery bounds out of range: depth " + maxDepth + ", min downloads "
                    + minDownloads + ", per family " + maxPerFamily + ", page " + pageSize + ", attempts " + maxAttempts);
        }
        String base = apiUrl.toString();
        apiUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        token = token == null ? "" : token.trim();
        maxWait = maxWait == null ? Duration.ofMinutes(5) : maxWait;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    /** The same settings with other request limits: tests use short timeouts. */
    public HubSettings withLimits(int attempts, Duration wait, Duration requestTimeout) {
        return new HubSettings(apiUrl, token, maxDepth, minDownloads, maxPerFamily, pageSize, attempts, wait, requestTimeout);
    }

    /** Defaults for everything but the endpoint, the token and the discovery bounds. */
    public static HubSettings of(URI apiUrl, String token, int maxDepth, long minDownloads, int maxPerFamily) {
        return new HubSettings(apiUrl, token, maxDepth, minDownloads, maxPerFamily, 100, 4, Duration.ofMinutes(5),
                Duration.ofSeconds(30));
    }
}
