package org.llmtracker.api.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers that cost much to read and that nobody needs to the second, kept in this instance's
 * memory for a short while. An answer is kept only when {@code worthKeeping} says so, so a cheap
 * answer is read at every request and never behind the store. A kept one that is {@code freshFor}
 * old is still given, and read again once, off the request, by {@code rereads}: a request never
 * waits for a costly read but the first. Under load the re-reads wait their turn and the answers
 * given grow older (at 1M models and 32 clients they were read again 30-168 s after the last
 * read); one {@value #EXPIRES_AFTER} times {@code freshFor} old is not given, the request reads
 * it. At most {@code maxKept} are kept: when full, the stale ones go, and then a new one is not
 * kept.
 */
public final class KeptAnswers<K, V> {

    private static final Logger log = LoggerFactory.getLogger(KeptAnswers.class);

    static final int EXPIRES_AFTER = 10;

    /** An answer, when it was read, and whether it is being read again. */
    private record Kept<V>(V answer, Instant readAt, AtomicBoolean rereading) {

        Kept(V answer, Instant readAt) {
            this(answer, readAt, new AtomicBoolean());
        }
    }

    private final Clock clock;
    private final Duration freshFor;
    private final int maxKept;
    private final Predicate<V> worthKeeping;
    private final Executor rereads;
    private final Duration expiresAfter;
    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    /** The answers requests are reading now, which other requests for the same key wait for. */
    private final Map<K, CompletableFuture<V>> reading = new ConcurrentHashMap<>();

    public KeptAnswers(Clock clock, Duration freshFor, int maxKept, Predicate<V> worthKeeping, Executor rereads) {
        if (freshFor.isNegative() || freshFor.isZero() || maxKept < 1) {
            throw new IllegalArgumentException("freshFor must be positive and maxKept at least 1, got " + freshFor + ", " + maxKept);
        }
        this.clock = clock;
        this.freshFor = freshFor;
        this.maxKept = maxKept;
        this.worthKeeping = worthKeeping;
        this.rereads = rereads;
        this.expiresAfter = freshFor.multipliedBy(EXPIRES_AFTER);
    }

    public V get(K key, Function<K, V> read) {
        Kept<V> known = kept.get(key);
        if (known == null || !readWithin(known, expiresAfter)) {
            return readOnce(key, read);
        }
        // The request that made a stale answer's re-read wait for it was the search's and the model
        // page's p99 under load (a root's parts, a first letter's page: 100-250 ms alone).
        if (!readWithin(known, freshFor) && known.rereading().compareAndSet(false, true)) {
            rereads.execute(() -> reread(key, known.readAt(), read));
        }
        return known.answer();
    }

    /**
     * Reads the answer, or waits for the request already reading it: when a fresh app meets 32
     * clients typing the same first letter, one reads it and the others are given its answer
     * (each reading it, they shared the CPU and all waited as long as the slowest). A fault is
     * every waiting request's.
     */
    private V readOnce(K key, Function<K, V> read) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = reading.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            V answer = read.apply(key);
            keep(key, answer);
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            reading.remove(key, mine);
        }
    }

    /** A failed re-read drops the answer: the next request reads it itself and meets the fault. */
    private void reread(K key, Instant readAt, Function<K, V> read) {
        // How old answers grow while re-reads wait their turn under load.
        log.debug("Reading the kept answer for {} again, read {} ago", key, Duration.between(readAt, clock.instant()));
        try {
            keep(key, read.apply(key));
        } catch (RuntimeException e) {
            kept.remove(key);
            log.warn("Could not read the kept answer for {} again; dropped it: {}", key, e.toString());
        }
    }

    private void keep(K key, V answer) {
        if (!worthKeeping.test(answer)) {
            kept.remove(key);
        } else if (kept.containsKey(key) || kept.size() < maxKept || dropStale()) {
            kept.put(key, new Kept<>(answer, clock.instant()));
        }
    }

    private boolean readWithin(Kept<V> answer, Duration age) {
        return clock.instant().isBefore(answer.readAt().plus(age));
    }

    private boolean dropStale() {
        kept.values().removeIf(answer -> !readWithin(answer, freshFor));
        return kept.size() < maxKept;
    }
}
