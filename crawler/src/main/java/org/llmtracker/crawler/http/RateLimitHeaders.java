package org.llmtracker.crawler.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.Response;

/**
 * What an answer says about rate limits, in both upstreams' dialects: {@code Retry-After}
 * (seconds or an HTTP date), GitHub's {@code X-RateLimit-Remaining}/{@code X-RateLimit-Reset}
 * (epoch seconds), and the IETF draft headers the Hub sends, {@code RateLimit: "api";r=12;t=42}
 * (requests left, seconds until the window resets) and
 * {@code RateLimit-Policy: "fixed window";"api";q=1000;w=300}. Times are judged against the
 * server's {@code Date}, so a skewed local clock neither hammers nor stalls. Every number is
 * read with saturation: a value beyond 64 bits, or a reset centuries away, is clamped, never thrown.
 */
final class RateLimitHeaders {

    /** Longer than any wait anyone would honour; keeps instant arithmetic far from overflow. */
    static final Duration FOREVER = Duration.ofDays(36_500);

    private static final Pattern REMAINING = Pattern.compile("(?:^|[;,\\s])r\\s*=\\s*(\\d+)");
    private static final Pattern RESET = Pattern.compile("(?:^|[;,\\s])t\\s*=\\s*(\\d+)");
    private static final Pattern WINDOW = Pattern.compile("(?:^|[;,\\s])w\\s*=\\s*(\\d+)");

    private RateLimitHeaders() {
    }

    /** A refusal because of a rate limit: 429, or a 403 that says so (GitHub's primary and secondary limits). */
    static boolean isLimited(Response response, String bodyStart) {
        if (response.code() == 429) {
            return true;
        }
        if (response.code() != 403) {
            return false;
        }
        String body = bodyStart.toLowerCase(Locale.ROOT);
        return remaining(response).orElse(1) == 0 || response.header("Retry-After") != null
                || body.contains("rate limit") || body.contains("abuse");
    }

    /** Requests left in the window: {@code X-RateLimit-Remaining}, else {@code RateLimit r=}. */
    static OptionalLong remaining(Response response) {
        OptionalLong github = number(response.header("X-RateLimit-Remaining"));
        return github.isPresent() ? github : group(REMAINING, response.header("RateLimit"));
    }

    /** Until the window resets, from the server's point of view; empty when the answer does not say. */
    static Optional<Duration> untilReset(Response response, Instant localNow) {
        OptionalLong epoch = number(response.header("X-RateLimit-Reset"));
        if (epoch.isPresent()) {
            Instant reset = Instant.ofEpochSecond(Math.min(epoch.getAsLong(), serverNow(response, localNow)
                    .plus(FOREVER).getEpochSecond()));
            return Optional.of(clamp(Duration.between(serverNow(response, localNow), reset)).plusSeconds(1));
        }
        OptionalLong seconds = group(RESET, response.header("RateLimit"));
        return seconds.isPresent() ? Optional.of(seconds(seconds.getAsLong())) : Optional.empty();
    }

    /** The window's length, from {@code RateLimit-Policy w=}. */
    static Optional<Duration> windowLength(Response response) {
        OptionalLong w = group(WINDOW, response.header("RateLimit-Policy"));
        return w.isPresent() && w.getAsLong() > 0 ? Optional.of(seconds(w.getAsLong())) : Optional.empty();
    }

    /** {@code Retry-After} in seconds or as an HTTP date, if the answer carries a readable one. */
    static Optional<Duration> retryAfter(Response response, Instant localNow) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        OptionalLong seconds = number(value);
        if (seconds.isPresent()) {
            return Optional.of(seconds(seconds.getAsLong()));
        }
        return date(value).map(at -> clamp(Duration.between(serverNow(response, localNow), at)));
    }

    /** The server's clock: its {@code Date} header, else ours. */
    static Instant serverNow(Response response, Instant localNow) {
        return date(response.header("Date")).orElse(localNow);
    }

    /** A non-negative decimal integer, saturated at {@link Long#MAX_VALUE}; empty when it is not one. */
    static OptionalLong number(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String digits = text.trim();
        if (digits.isEmpty() || digits.length() > 4_000 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        digits = digits.replaceFirst("^0+(?=.)", "");
        return OptionalLong.of(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits));
    }

    private static OptionalLong group(Pattern pattern, String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        Matcher m = pattern.matcher(header);
        return m.find() ? number(m.group(1)) : OptionalLong.empty();
    }

    private static Duration seconds(long seconds) {
        return seconds >= FOREVER.toSeconds() ? FOREVER : Duration.ofSeconds(seconds);
    }

    private static Duration clamp(Duration d) {
        return d.isNegative() ? Duration.ZERO : d.compareTo(FOREVER) > 0 ? FOREVER : d;
    }

    private static Optional<Instant> date(String value) {
        if (value == null || value.isBlank() || value.length() > 100) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
