package org.llmtracker.crawler.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import okhttp3.Response;

/**
 * Reads GitHub's rate-limit signals from a response. Waits are judged against the server's
 * {@code Date} header, not our clock, so a skewed local clock neither hammers nor stalls.
 */
final class RateLimits {

    /** Without {@code Retry-After}, GitHub asks for at least a minute after a secondary limit. */
    static final Duration SECONDARY_MINIMUM = Duration.ofMinutes(1);

    private final Clock clock;

    RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** The primary limit is spent: {@code X-RateLimit-Remaining: 0}. */
    static boolean primaryExhausted(Response response) {
        return "0".equals(response.header("X-RateLimit-Remaining"));
    }

    /** A refusal because of a rate limit, primary or secondary. */
    static boolean isLimited(Response response, String bodyStart) {
        if (response.code() == 429) {
            return true;
        }
        if (response.code() != 403) {
            return false;
        }
        String body = bodyStart.toLowerCase(Locale.ROOT);
        return primaryExhausted(response) || response.header("Retry-After") != null
                || body.contains("rate limit") || body.contains("abuse");
    }

    /** Until the primary window resets, from the server's point of view. */
    Duration untilReset(Response response) {
        String reset = response.header("X-RateLimit-Reset");
        if (reset == null) {
            return SECONDARY_MINIMUM;
        }
        try {
            Instant resetAt = Instant.ofEpochSecond(Long.parseLong(reset.trim()));
            Duration wait = Duration.between(serverNow(response), resetAt);
            return wait.isNegative() ? Duration.ZERO : wait.plusSeconds(1);
        } catch (NumberFormatException e) {
            return SECONDARY_MINIMUM;
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date, if the response carries it. */
    Optional<Duration> retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(serverNow(response), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private Instant serverNow(Response response) {
        String date = response.header("Date");
        if (date != null) {
            try {
                return ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                // fall through to our own clock
            }
        }
        return clock.instant();
    }
}
