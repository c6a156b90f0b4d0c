package org.llmtracker.crawler.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import okhttp3.Response;

/**
 * The rate-limit state of one upstream, learnt from its answers and shared by every job that
 * calls it: when the window resets, how many requests it has left, and until when nobody may
 * call (a spent window, or a 429's {@code Retry-After}). Several jobs calling the Hub from one
 * application (the {@code huggingface} crawl, a whole-Hub sweep, inference) must share one
 * window, or each would spend the quota the others count on.
 *
 * <p>A job takes a {@link Share}, optionally capped at a number of requests per window so
 * that it leaves room for the others, and hands it to its {@link Upstream}:
 *
 * <pre>{@code
 * RateWindow hub = new RateWindow("the Hub", clock, Duration.ofMinutes(5), maxRetryAfter); // one per upstream (a bean)
 * Upstream crawl = Upstream.builder(settings).share(hub.share(0)).build();   // only the Hub's own limits
 * Upstream sweep = Upstream.builder(settings).share(hub.share(600)).build(); // and at most 600 per window
 * }</pre>
 *
 * <p>Before each request the share waits while the window is blocked, or while it has used up
 * its own cap (until the window resets); a wait longer than the upstream's
 * {@link HttpSettings#maxRateLimitWait()} throws {@link RateLimitedException} instead. The
 * window's length comes from {@code RateLimit-Policy: ...;w=300}, else the length given here;
 * its reset from {@code RateLimit: ...;t=42} or {@code X-RateLimit-Reset}. Thread-safe.
 */
public final class RateWindow {

    /** Without {@code Retry-After} or a reset time, a refusal waits a minute, then twice as long each time it recurs. */
    static final Duration REFUSAL_MINIMUM = Duration.ofMinutes(1);

    private final String name;
    private final Clock clock;
    private final Duration maxBlock;
    private Duration length;
    private Instant blockedUntil;
    /** When the answer behind the block asked it to end: later than {@code blockedUntil} when the bound cut it. */
    private Instant askedUntil;
    private Instant resetsAt;
    private long remaining = -1;
    private int refusalsInARow;

    /**
     * @param name          the upstream, for messages
     * @param defaultLength the window's length until an answer says otherwise
     * @param maxBlock      the longest any one answer may block the window ({@code tracker.http.max-retry-after}):
     *                      a {@code Retry-After: 999999} or a reset days away would otherwise stop every job
     *                      calling this upstream until a restart
     */
    public RateWindow(String name, Clock clock, Duration defaultLength, Duration maxBlock) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.length = Objects.requireNonNull(defaultLength, "defaultLength");
        this.maxBlock = Objects.requireNonNull(maxBlock, "maxBlock");
        if (maxBlock.isNegative() || maxBlock.isZero()) {
            throw new IllegalArgumentException("maxBlock must be positive, got " + maxBlock);
        }
    }

    /** The longest one answer may block this window. */
    public Duration maxBlock() {
        return maxBlock;
    }

    public String name() {
        return name;
    }

    /**
     * A job's share of this window.
     *
     * @param maxRequestsPerWindow the most requests the job may make in one window; 0 leaves it
     *                             bound by the upstream's own limits only
     */
    public Share share(int maxRequestsPerWindow) {
        if (maxRequestsPerWindow < 0) {
            throw new IllegalArgumentException("maxRequestsPerWindow must be >= 0, got " + maxRequestsPerWindow);
        }
        return new Share(maxRequestsPerWindow);
    }

    /** Requests the upstream last said were left in the window; empty before it said. */
    public synchronized OptionalLong remaining() {
        return remaining < 0 ? OptionalLong.empty() : OptionalLong.of(remaining);
    }

    /** Learns from any answer: the window's length, its reset, what is left; a spent window blocks everyone until it resets. */
    synchronized void observe(Response response) {
        Instant now = clock.instant();
        RateLimitHeaders.windowLength(response).ifPresent(l -> length = l);
        Optional<Duration> reset = RateLimitHeaders.untilReset(response, now);
        reset.ifPresent(d -> resetsAt = now.plus(bounded(d)));
        OptionalLong left = RateLimitHeaders.remaining(response);
        left.ifPresent(r -> remaining = r);
        if (left.isPresent() && left.getAsLong() == 0 && reset.isPresent() && response.code() < 400) {
            block(now, reset.get());
        }
        if (response.code() < 400) {
            refusalsInARow = 0;
        }
    }

    /**
     * A refusal (429, or GitHub's rate-limit 403): the wait it asks for, which blocks every share.
     * {@code Retry-After} first; then, when the window is spent, until it resets; otherwise a
     * minute, doubling while refusals recur. The wait returned is the one asked for; the block
     * lasts at most {@link #maxBlock()}, so a caller that will not wait that long stops, and the
     * window opens again after the bound.
     */
    synchronized Duration refused(Response response) {
        Instant now = clock.instant();
        Optional<Duration> asked = RateLimitHeaders.retryAfter(response, now);
        if (asked.isEmpty() && RateLimitHeaders.remaining(response).orElse(1) == 0) {
            asked = RateLimitHeaders.untilReset(response, now);
        }
        Duration wait = asked.orElseGet(() -> REFUSAL_MINIMUM.multipliedBy(1L << Math.min(refusalsInARow++, 20)));
        block(now, wait);
        return wait;
    }

    private Duration bounded(Duration wait) {
        return wait.compareTo(maxBlock) > 0 ? maxBlock : wait;
    }

    /**
     * Blocks every share for at most {@link #maxBlock()}; while the block lasts, callers are told the
     * whole wait the answer asked for, so one that will not wait that long stops (PARTIAL) rather than
     * resuming when the bound ends in the middle of what the upstream asked.
     */
    private void block(Instant now, Duration asked) {
        if (blockedUntil == null || !blockedUntil.isAfter(now)) {
            askedUntil = null;
        }
        Instant until = now.plus(bounded(asked));
        if (blockedUntil == null || until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
        Instant whole = now.plus(asked);
        if (askedUntil == null || whole.isAfter(askedUntil)) {
            askedUntil = whole;
        }
    }

    /** One job's use of the window; see {@link RateWindow}. */
    public final class Share {

        private final int max;
        private int used;
        private Instant windowEnd;

        private Share(int max) {
            this.max = max;
        }

        public RateWindow window() {
            return RateWindow.this;
        }

        /** How long the next request must wait: for the window to open, or for this share's next window. */
        Duration waitBeforeNext() {
            synchronized (RateWindow.this) {
                Instant now = clock.instant();
                Duration wait = blockedUntil != null && blockedUntil.isAfter(now)
                        ? Duration.between(now, askedUntil.isAfter(blockedUntil) ? askedUntil : blockedUntil)
                        : Duration.ZERO;
                if (max > 0) {
                    if (windowEnd == null || !now.isBefore(windowEnd)) {
                        windowEnd = resetsAt != null && resetsAt.isAfter(now) ? resetsAt : now.plus(length);
                        used = 0;
                    }
                    if (used >= max) {
                        // The upstream may have announced its reset since this share's window began.
                        Instant end = resetsAt != null && resetsAt.isAfter(now) && resetsAt.isBefore(windowEnd) ? resetsAt
                                : windowEnd;
                        Duration untilNext = Duration.between(now, end);
                        wait = untilNext.compareTo(wait) > 0 ? untilNext : wait;
                    }
                }
                return wait;
            }
        }

        /** The wait is over (whatever the clock says: tests sleep without time passing). */
        void waited(Duration wait) {
            synchronized (RateWindow.this) {
                Instant until = clock.instant().plus(wait);
                if (blockedUntil != null && !blockedUntil.isAfter(until)) {
                    blockedUntil = null;
                }
                if (max > 0 && used >= max && windowEnd != null) {
                    // The share's next window begins now, and the request about to go counts in it:
                    // forgetting the window here would let one request more through per window.
                    Instant now = clock.instant();
                    windowEnd = (now.isAfter(windowEnd) ? now : windowEnd).plus(length);
                    used = 0;
                }
            }
        }

        /** A request went out. */
        void sent() {
            synchronized (RateWindow.this) {
                used++;
            }
        }
    }
}
