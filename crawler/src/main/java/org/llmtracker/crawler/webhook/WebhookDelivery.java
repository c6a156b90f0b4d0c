package org.llmtracker.crawler.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.llmtracker.crawler.http.HttpSettings;
import org.llmtracker.crawler.http.RateLimitedException;
import org.llmtracker.crawler.http.Sleeper;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.http.UpstreamException;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs a JSON body to a webhook through the HTTP policy: 5xx answers and network faults are
 * retried with back-off, a 429 waits as long as {@code Retry-After} says (up to the settings'
 * rate-limit wait); other 4xx are not retried, since sending the same body again cannot fix them.
 * With a secret the raw body is signed: {@code X-Tracker-Signature: sha256=<hex HMAC-SHA256(secret, body)>}.
 *
 * <p>The URL is a secret (a Slack webhook's path is its credential): errors and logs name
 * {@link #redactedUrl()}, never the URL.
 */
public final class WebhookDelivery {

    public static final String SIGNATURE_HEADER = "X-Tracker-Signature";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl url;
    private final String secret;
    private final Upstream upstream;

    /** @throws IllegalArgumentException when {@code url} is not an http(s) URL */
    public WebhookDelivery(URI url, String secret, HttpSettings settings, Sleeper sleeper, Clock clock) {
        HttpUrl parsed = url == null || !List.of("http", "https").contains(String.valueOf(url.getScheme())) ? null
                : HttpUrl.parse(url.toString());
        if (parsed == null) {
            throw new IllegalArgumentException("the webhook URL is not an http(s) URL");
        }
        this.url = parsed;
        this.secret = secret == null || secret.isBlank() ? null : secret;
        this.upstream = Upstream.builder(settings, sleeper, clock).redactUrls().build();
    }

    /** Scheme, host and port: what errors and logs may show. */
    public String redactedUrl() {
        return Upstream.redacted(url);
    }

    /** Requests made so far, every attempt counted: what bounds the time deliveries took (each attempt has its deadline). */
    public long requestsMade() {
        return upstream.meter().read().requests();
    }

    /**
     * @return the requests it took
     * @throws IOException naming {@link #redactedUrl()} when the receiver refused, or every attempt failed
     */
    public long deliver(byte[] json) throws IOException {
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(json, JSON));
        if (secret != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + sign(secret, json));
        }
        long before = upstream.meter().read().requests();
        try (Response response = upstream.execute(request.build())) {
            if (!response.isSuccessful()) {
                throw new UpstreamException("refused the delivery: HTTP " + response.code());
            }
            return upstream.meter().read().requests() - before;
        } catch (RateLimitedException e) {
            throw e;
        } catch (UpstreamException e) {
            throw new UpstreamException(e.reason(), e);
        }
    }

    /** HMAC-SHA256 of {@code body} under {@code secret}, in hex. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
