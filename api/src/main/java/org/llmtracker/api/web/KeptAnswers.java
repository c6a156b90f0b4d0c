package org.llmtracker.api.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answers that cost much to read and that nobody needs to the second, kept in this instance's
 * memory for a short while. An answer is kept only when {@code worthKeeping} says so, so a cheap
 * answer is read at every request and never behind the store. A kept one is read again by the
 * first request after it is {@code freshFor} old; the requests arriving during that read are given
 * the one kept, so an answer is at most {@code freshFor} plus one read old. At most
 * {@code maxKept} are kept: when full, the stale ones go, and then a new one is not kept.
 */
public final class KeptAnswers<K, V> {

    /** An answer, when it was read, and whether a request is reading it again. */
    private record Kept<V>(V answer, Instant readAt, AtomicBoolean rereading) {

        Kept(V answer, Instant readAt) {
            this(answer, readAt, new AtomicBoolean());
        }
    }

    private final Clock clock;
    private final Duration freshFor;
    private final int maxKept;
    private final Predicate<V> worthKeeping;
    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

    public KeptAnswers(Clock clock, Duration freshFor, int maxKept, Predicate<V> worthKeeping) {
        if (freshFor.isNegative() || freshFor.isZero() || maxKept < 1) {
            throw new IllegalArgumentException("freshFor must be positive and maxKept at least 1, got " + freshFor + ", " + maxKept);
        }
        this.clock = clock;
        this.freshFor = freshFor;
        this.maxKept = maxKept;
        this.worthKeeping = worthKeeping;
    }

    public V get(K key, Function<K, V> read) {
        Kept<V> known = kept.get(key);
        // Stale but being read again by another request: requests waiting for that one read, each
        // holding a server thread, were the model page's p99 under load.
        if (known != null && (fresh(known) || !known.rereading().compareAndSet(false, true))) {
            return known.answer();
        }
        Kept<V> answer;
        try {
            answer = new Kept<>(read.apply(key), clock.instant());
        } finally {
            if (known != null) {
                known.rereading().set(false);
            }
        }
        if (!worthKeeping.test(answer.answer())) {
            kept.remove(key);
        } else if (known != null || kept.size() < maxKept || dropStale()) {
            kept.put(key, answer);
        }
        return answer.answer();
    }

    private boolean fresh(Kept<V> answer) {
        return clock.instant().isBefore(answer.readAt().plus(freshFor));
    }

    private boolean dropStale() {
        kept.values().removeIf(answer -> !fresh(answer));
        return kept.size() < maxKept;
    }
}
