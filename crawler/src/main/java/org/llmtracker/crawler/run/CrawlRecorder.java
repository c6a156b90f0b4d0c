package org.llmtracker.crawler.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one run did, collected as it goes: item counts, requests made, items done and failed
 * with their errors, and whether it stopped early or had to give up. {@link CrawlRunner} turns
 * it into the run's status: every item failed is FAILED, some PARTIAL. Thread-safe, so a crawl
 * may fetch in parallel.
 */
public final class CrawlRecorder {

    private final Map<String, AtomicLong> counts = Collections.synchronizedMap(new TreeMap<>());
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private volatile String partialReason;
    private volatile String abortReason;
    private volatile String failReason;
    private volatile java.time.Instant deadline;
    private volatile java.time.Clock clock;
    private volatile java.time.Duration allowed;

    /** The run must stop by {@code allowed} after now ({@code tracker.runs.deadline}); jobs ask {@link #overDeadline()}. */
    public void deadline(java.time.Clock clock, java.time.Duration allowed) {
        this.clock = clock;
        this.allowed = allowed;
        this.deadline = clock.instant().plus(allowed);
    }

    /**
     * Whether the run has reached its deadline; if so it is also told to stop early (PARTIAL), so a
     * job need only leave its loop: {@code if (recorder.overDeadline()) return;}.
     */
    public boolean overDeadline() {
        if (deadline == null || clock.instant().isBefore(deadline)) {
            return false;
        }
        if (partialReason == null) {
            stopEarly("the run reached its deadline of " + allowed + " (tracker.runs.deadline); the next run goes on");
        }
        return true;
    }

    /** Adds one to a named count: fetched, unchanged, changed, failed, discovered, ... */
    public void count(String name) {
        add(name, 1);
    }

    public void add(String name, long n) {
        counts.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(n);
    }

    public void request() {
        requests.incrementAndGet();
    }

    public void addRequests(long n) {
        requests.addAndGet(n);
    }

    /** One item was dealt with (stored, or found gone), whatever parts of it failed on the way. */
    public void itemDone() {
        done.incrementAndGet();
    }

    public long itemsDone() {
        return done.get();
    }

    /** One item, or a part of one, failed; the run goes on. The message must name the item (id or URL). */
    public void itemFailed(String item, String message) {
        count("failed");
        errors.add(shortened(item) + ": " + message);
    }

    // An item may be a URL of thousands of characters; its start names it well enough.
    private static String shortened(String item) {
        return item.length() > 200 ? item.substring(0, 200) + "..." : item;
    }

    /** The run is stopping early on purpose; it ends PARTIAL with this reason. */
    public void stopEarly(String reason) {
        this.partialReason = reason;
    }

    /**
     * The run cannot go on (its upstream is unreachable): it ends FAILED, or PARTIAL when some
     * items were done first, with this one reason instead of an error per remaining item.
     */
    public void abort(String reason) {
        this.abortReason = reason;
    }

    /**
     * The run went wrong in a way that makes what it did suspect (an upstream whose paging loops):
     * it ends FAILED with this reason, whatever it stored first.
     */
    public void fail(String reason) {
        this.failReason = reason;
    }

    public String failReason() {
        return failReason;
    }

    public String abortReason() {
        return abortReason;
    }

    public boolean stoppedEarly() {
        return partialReason != null;
    }

    public String partialReason() {
        return partialReason;
    }

    public long requests() {
        return requests.get();
    }

    public Map<String, Long> counts() {
        synchronized (counts) {
            Map<String, Long> copy = new TreeMap<>();
            counts.forEach((k, v) -> copy.put(k, v.get()));
            return copy;
        }
    }

    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }
}
