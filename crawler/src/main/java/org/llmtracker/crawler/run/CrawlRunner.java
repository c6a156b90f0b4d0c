package org.llmtracker.crawler.run;

import java.time.Clock;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.llmtracker.graph.run.CrawlRun;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.run.CrawlStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs and records each run as a {@code :CrawlRun}. The same job never runs twice at once
 * in this process (the scheduler's JDBC store keeps cluster nodes apart); a run that breaks is
 * recorded as FAILED and never stops later runs.
 */
public final class CrawlRunner {

    private static final Logger log = LoggerFactory.getLogger(CrawlRunner.class);

    /** Run records kept in memory while the store is away; older ones give way. */
    static final int MAX_UNRECORDED = 100;

    private final Map<String, Job> crawls;
    private final CrawlRunStore store;
    private final Clock clock;
    private final Map<String, CrawlRun> running = new ConcurrentHashMap<>();
    private final Map<String, CrawlRecorder> recorders = new ConcurrentHashMap<>();
    private final java.util.function.Function<String, java.time.Duration> deadlines;
    private final Deque<CrawlRun> unrecorded = new ConcurrentLinkedDeque<>();

    public CrawlRunner(List<Job> crawls, CrawlRunStore store, Clock clock) {
        this(crawls, store, clock, job -> null);
    }

    /** @param deadlines each job's overall deadline ({@code tracker.runs.deadline}); null: none */
    public CrawlRunner(List<Job> crawls, CrawlRunStore store, Clock clock,
            java.util.function.Function<String, java.time.Duration> deadlines) {
        this.crawls = crawls.stream().collect(Collectors.toUnmodifiableMap(Job::job, Function.identity()));
        this.store = store;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    public boolean knows(String job) {
        return crawls.containsKey(job);
    }

    public List<String> jobs() {
        return crawls.keySet().stream().sorted().toList();
    }

    /** The options {@code job} takes for one run; none for a job nobody registered. */
    public Set<String> options(String job) {
        Job crawl = crawls.get(job);
        return crawl == null ? Set.of() : crawl.options();
    }

    /**
     * Runs {@code job} now, in this thread; empty when a run of it is already under way.
     *
     * @throws IllegalArgumentException for a job nobody registered
     */
    public Optional<CrawlRun> run(String job) {
        return run(job, Set.of());
    }

    /**
     * Runs {@code job} now with options set for this run (see {@link Job#options()}).
     *
     * @throws IllegalArgumentException for a job nobody registered, or an option the job does not take
     */
    public Optional<CrawlRun> run(String job, Set<String> options) {
        Job crawl = crawls.get(job);
        if (crawl == null) {
            throw new IllegalArgumentException("No job named '" + job + "'; jobs are " + jobs());
        }
        if (!crawl.options().containsAll(options)) {
            throw new IllegalArgumentException("Job '" + job + "' takes " + (crawl.options().isEmpty() ? "no options"
                    : "only the options " + new TreeSet<>(crawl.options())) + "; got " + new TreeSet<>(options));
        }
        CrawlRun started = new CrawlRun(UUID.randomUUID().toString(), job, CrawlStatus.RUNNING, clock.instant(), null,
                Map.of(), 0, List.of(), null);
        if (running.putIfAbsent(job, started) != null) {
            log.info("Job {} is already running; this request does not start another", job);
            return Optional.empty();
        }
        try {
            recordMissedRuns();
            CrawlRecorder recorder = new CrawlRecorder();
            java.time.Duration deadline = deadlines.apply(job);
            if (deadline != null) {
                recorder.deadline(clock, deadline);
            }
            recorders.put(job, recorder);
            CrawlStatus status;
            String note = null;
            try {
                // Inside the try: with the graph store down the run fails like any other broken run.
                store.save(started);
                if (options.isEmpty()) {
                    crawl.run(recorder);
                } else {
                    crawl.run(recorder, options);
                }
                status = outcome(recorder);
                note = note(recorder, status);
            } catch (RuntimeException e) {
                log.warn("Job {} failed: {}", job, e.toString(), e);
                status = CrawlStatus.FAILED;
                note = publicNote(e);
            }
            CrawlRun finished = new CrawlRun(started.id(), job, status, started.startedAt(), clock.instant(),
                    recorder.counts(), recorder.requests(), recorder.errors(), note);
            saveQuietly(finished);
            log.info("Job {} {}: {} requests, counts {}", job, status, finished.requests(), finished.counts());
            return Optional.of(finished);
        } finally {
            recorders.remove(job);
            running.remove(job);
        }
    }

    /**
     * The process is going away (SIGTERM): every run under way here is recorded ABORTED now, with
     * what it counted so far, instead of staying RUNNING with no counts until some instance starts
     * again. A run that still finishes before the process exits records its real outcome over it.
     */
    public List<String> shutDown(String note) {
        List<String> closed = new java.util.ArrayList<>();
        running.forEach((job, started) -> {
            CrawlRecorder recorder = recorders.get(job);
            CrawlRun aborted = new CrawlRun(started.id(), job, CrawlStatus.ABORTED, started.startedAt(), clock.instant(),
                    recorder == null ? Map.of() : recorder.counts(), recorder == null ? 0 : recorder.requests(),
                    recorder == null ? List.of() : recorder.errors(), note);
            try {
                store.save(aborted);
                closed.add(started.id());
            } catch (RuntimeException e) {
                log.warn("Could not record run {} of {} as {} at shutdown: {}", started.id(), job, note, e.toString());
            }
        });
        if (!closed.isEmpty()) {
            log.warn("Runs under way at shutdown are ABORTED ({}): {}", note, closed);
        }
        return closed;
    }

    /**
     * The truth about a run: FAILED when it had to give up before doing anything, or every item
     * failed; PARTIAL when it stopped early or some items failed; SUCCEEDED otherwise.
     */
    static CrawlStatus outcome(CrawlRecorder recorder) {
        if (recorder.failReason() != null) {
            return CrawlStatus.FAILED;
        }
        long failed = recorder.counts().getOrDefault("failed", 0L);
        if (recorder.abortReason() != null || failed > 0) {
            return recorder.itemsDone() == 0 ? CrawlStatus.FAILED : CrawlStatus.PARTIAL;
        }
        return recorder.stoppedEarly() ? CrawlStatus.PARTIAL : CrawlStatus.SUCCEEDED;
    }

    private static String note(CrawlRecorder recorder, CrawlStatus status) {
        if (recorder.failReason() != null) {
            return recorder.failReason();
        }
        if (recorder.abortReason() != null) {
            return recorder.abortReason();
        }
        if (recorder.stoppedEarly()) {
            return recorder.partialReason();
        }
        long failed = recorder.counts().getOrDefault("failed", 0L);
        if (status == CrawlStatus.FAILED) {
            return "every item failed (" + failed + ")"
                    + (recorder.errors().isEmpty() ? "" : "; first: " + recorder.errors().get(0));
        }
        return status == CrawlStatus.PARTIAL ? failed + " of the run's items or parts failed (see errors)" : null;
    }

    /**
     * What a broken run's public note says. The store's own words stay in the log: they quote
     * property values and query text (a 10,000-character id in "Property value is too large to
     * index"), and the note is served to anyone.
     */
    static String publicNote(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.llmtracker.graph.store.GraphUnavailableException) {
                // Safe to say: it names no query, id or store detail, and it is what an operator must know.
                return "the graph store is unavailable (GraphUnavailableException); the run stopped and the next one goes on";
            }
            if (t instanceof org.llmtracker.graph.store.GraphException || t.getClass().getName().startsWith("org.neo4j.")) {
                return "the graph store refused or failed a request (" + t.getClass().getSimpleName()
                        + "); the instance's log has the details";
            }
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Tells the store the runs under way here are alive, so no other instance takes them for abandoned. */
    public void heartbeat() {
        store.heartbeat(running.values().stream().map(CrawlRun::id).toList(), clock.instant());
    }

    /**
     * Closes as ABORTED the runs a dead process left RUNNING; returns their ids. With
     * {@code staleAfter} null every RUNNING run not under way here is taken: right only when this
     * process alone can run jobs on the store (an embedded store, which Neo4j locks to one
     * process). Otherwise a run is abandoned once its heartbeat is older than {@code staleAfter}.
     */
    public List<String> abortAbandoned(java.time.Duration staleAfter) {
        java.time.Instant now = clock.instant();
        List<String> aborted = store.abortAbandoned(running.values().stream().map(CrawlRun::id).toList(),
                staleAfter == null ? null : now.minus(staleAfter), now);
        if (!aborted.isEmpty()) {
            log.warn("Runs left RUNNING by a process that stopped are now ABORTED: {}", aborted);
        }
        return aborted;
    }

    /** The run under way for {@code job}, if any. */
    public Optional<CrawlRun> current(String job) {
        return Optional.ofNullable(running.get(job));
    }

    // A store outage at the end of a run must not hide the run's own outcome from the caller;
    // the record waits in memory and the next run writes it once the store is back.
    private void saveQuietly(CrawlRun run) {
        try {
            store.save(run);
        } catch (RuntimeException e) {
            log.warn("Could not record run {} of {} now; the next run will: {}", run.id(), run.job(), e.toString());
            unrecorded.addLast(run);
            while (unrecorded.size() > MAX_UNRECORDED) {
                unrecorded.pollFirst();
            }
        }
    }

    private void recordMissedRuns() {
        for (CrawlRun missed = unrecorded.peekFirst(); missed != null; missed = unrecorded.peekFirst()) {
            try {
                store.save(missed);
            } catch (RuntimeException e) {
                return;
            }
            unrecorded.remove(missed);
        }
    }

}
