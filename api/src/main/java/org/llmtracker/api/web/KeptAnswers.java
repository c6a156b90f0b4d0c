package org.llmtracker.api.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answers that cost much to read and that nobody needs to the second, kept in this instance's
 * memory for a short while. An answer is kept only when {@code worthKeeping} says so, so a cheap
 * answer is read at every request and never behind the store; a kept one is read again once it is
 * older than {@code freshFor}, by one request while the others asking for it wait for that read.
 * At most {@code maxKept} are kept: when full, the stale ones go, and then a new one is not kept.
 */
public final class KeptAnswers<K, V> {

    private record Kept<V>(V answer, Instant readAt) {
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
        if (known != null && fresh(known)) {
            return known.answer();
        }
        if (known == null) {
            // Not locked: most answers are not worth keeping, and their reads must not wait on each other.
            Kept<V> answer = new Kept<>(read.apply(key), clock.instant());
            if (worthKeeping.test(answer.answer()) && (kept.size() < maxKept || dropStale())) {
                kept.put(key, answer);
            }
            return answer.answer();
        }
        Object[] answer = new Object[1];
        kept.compute(key, (k, old) -> {
            Kept<V> now = old != null && fresh(old) ? old : new Kept<>(read.apply(k), clock.instant());
            answer[0] = now.answer();
            return worthKeeping.test(now.answer()) ? now : null;
        });
        @SuppressWarnings("unchecked")
        V found = (V) answer[0];
        return found;
    }

    private boolean fresh(Kept<V> answer) {
        return clock.instant().isBefore(answer.readAt().plus(freshFor));
    }

    private boolean dropStale() {
        kept.values().removeIf(answer -> !fresh(answer));
        return kept.size() < maxKept;
    }
}
