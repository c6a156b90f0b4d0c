package org.llmtracker.crawler.huggingface;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long the Hub wants us to wait: {@code Retry-After} (seconds or an HTTP date) and the
 * IETF draft {@code RateLimit} header the Hub sends ({@code "api";r=0;t=123}: remaining requests
 * and seconds until the 5-minute window resets).
 */
final class RateLimits {

    private static final Pattern REMAINING = Pattern.compile("(?:^|;)\\s*r=(\\d+)");
    private static final Pattern RESET = Pattern.compile("(?:^|;)\\s*t=(\\d+)");

    private RateLimits() {
    }

    /** The wait a 429 asks for: Retry-After first, then the RateLimit reset; empty when neither says. */
    static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        Optional<String> retryAfter = headers.firstValue("Retry-After").map(String::trim);
        if (retryAfter.isPresent()) {
            String value = retryAfter.get();
            if (value.matches("\\d+")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(when.isAfter(now) ? Duration.between(now, when) : Duration.ZERO);
            } catch (DateTimeParseException e) {
                // fall through to the RateLimit header
            }
        }
        return reset(headers);
    }

    /** On any answer: when the window has no requests left, the wait until it resets. */
    static Optional<Duration> exhausted(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("RateLimit");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Matcher remaining = REMAINING.matcher(value.get());
        if (remaining.find() && Long.parseLong(remaining.group(1)) == 0) {
            return reset(headers);
        }
        return Optional.empty();
    }

    private static Optional<Duration> reset(HttpHeaders headers) {
        return headers.firstValue("RateLimit").map(RESET::matcher).filter(Matcher::find)
                .map(m -> Duration.ofSeconds(Long.parseLong(m.group(1))));
    }
}
