package org.llmtracker.api.digest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a digest as Slack-compatible JSON, {@code {"text": "<markdown>"}}. With a secret, the
 * raw body is signed: {@code X-Tracker-Signature: sha256=<hex HMAC-SHA256(secret, body)>}.
 * Server errors, 429 and network faults are retried with doubling waits; other 4xx are not,
 * since sending the same body again cannot fix them.
 */
final class WebhookSender {

    static final String SIGNATURE_HEADER = "X-Tracker-Signature";

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json;
    private final URI url;
    private final String secret;
    private final int attempts;
    private final Duration backoff;

    WebhookSender(JsonMapper json, URI url, String secret, int attempts, Duration backoff) {
        this.json = json;
        this.url = url;
        this.secret = secret == null || secret.isBlank() ? null : secret;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    URI url() {
        return url;
    }

    /** @return the attempts it took; @throws WebhookException when every attempt failed or the receiver refused */
    int send(String markdown) {
        byte[] body = json.writeValueAsBytes(Map.of("text", markdown));
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + sign(secret, body));
        }
        String last = "not tried";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                pause(backoff.multipliedBy(1L << (attempt - 2)));
            }
            try {
                int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    return attempt;
                }
                last = "HTTP " + status;
                if (status < 500 && status != 429) {
                    throw new WebhookException("Webhook " + url + " refused the digest: " + last);
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebhookException("Interrupted while posting to webhook " + url);
            }
            log.warn("Webhook {} attempt {} of {} failed: {}", url, attempt, attempts, last);
        }
        throw new WebhookException("Webhook " + url + " failed after " + attempts + " attempts; last: " + last);
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookException("Interrupted while waiting to retry a webhook");
        }
    }

    static final class WebhookException extends RuntimeException {
        WebhookException(String message) {
            super(message);
        }
    }
}
