package org.llmtracker.crawler.huggingface;

import java.net.URI;
import java.util.Objects;

import org.llmtracker.crawler.http.HttpSettings;

/**
 * How far the Hugging Face crawler goes and where; how it talks to the Hub is {@link #http()}.
 *
 * @param apiUrl        the Hub (or a mirror, or a recording): {@code https://huggingface.co}
 * @param maxDepth      generations of derivatives followed below each catalogued model; 0 fetches the
 *                      catalogued models only
 * @param minDownloads  derivatives with fewer downloads are neither stored nor followed
 * @param maxPerFamily  at most this many models discovered below one catalogued model
 * @param pageSize      models per list page (the Hub accepts up to 1000)
 * @param http          timeouts, retries, rate-limit wait, body cap, token
 * @param maxParents    the most parents kept per model; the rest are counted ({@code droppedParents}) and dropped
 */
public record HubSettings(URI apiUrl, int maxDepth, long minDownloads, int maxPerFamily, int pageSize, HttpSettings http,
        int maxParents) {

    public HubSettings {
        if (apiUrl == null) {
            throw new IllegalArgumentException("the Hub URL is required");
        }
        Objects.requireNonNull(http, "http");
        if (maxDepth < 0 || minDownloads < 0 || maxPerFamily < 1 || pageSize < 1 || maxParents < 1) {
            throw new IllegalArgumentException("discovery bounds out of range: depth " + maxDepth + ", min downloads "
                    + minDownloads + ", per family " + maxPerFamily + ", page " + pageSize + ", parents " + maxParents);
        }
        String base = apiUrl.toString();
        apiUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    public HubSettings withMaxPerFamily(int max) {
        return new HubSettings(apiUrl, maxDepth, minDownloads, max, pageSize, http, maxParents);
    }

    public HubSettings withHttp(HttpSettings other) {
        return new HubSettings(apiUrl, maxDepth, minDownloads, maxPerFamily, pageSize, other, maxParents);
    }
}
