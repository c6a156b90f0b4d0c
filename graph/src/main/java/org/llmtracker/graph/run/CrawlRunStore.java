package org.llmtracker.graph.run;

import static org.llmtracker.graph.store.DriverValues.dateTime;
import static org.llmtracker.graph.store.DriverValues.instant;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmtracker.graph.store.DriverValues;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;

/** {@code :CrawlRun} nodes: a record of every job run, newest first. */
public final class CrawlRunStore {

    /** Errors kept per run; a run against a broken upstream would otherwise store thousands. */
    public static final int MAX_ERRORS = 200;

    private static final String SAVE = """
            MERGE (c:CrawlRun {id: $id})
            SET c.job = $job, c.status = $status, c.startedAt = $startedAt, c.finishedAt = $finishedAt,
                c.counts = $countNames, c.countValues = $countValues, c.requests = $requests,
                c.errors = $errors, c.note = $note, c.instance = $instance,
                c.heartbeatAt = CASE WHEN $status = 'RUNNING' THEN $startedAt ELSE c.heartbeatAt END,
                c.runningJob = CASE WHEN $status = 'RUNNING' THEN c.runningJob ELSE null END
            """;

    // runningJob is unique (Schema): a second RUNNING claim of the same job, from any instance
    // on the shared store, fails its commit instead of starting a second run.
    private static final String CLAIM = """
            CREATE (c:CrawlRun {id: $id})
            SET c.job = $job, c.status = 'RUNNING', c.startedAt = $startedAt, c.finishedAt = null,
                c.counts = [], c.countValues = [], c.requests = 0, c.errors = [], c.note = null,
                c.instance = $instance, c.heartbeatAt = $startedAt, c.runningJob = $job
            """;

    private static final String CLAIMED = "MATCH (c:CrawlRun {runningJob: $job}) RETURN c {.*} AS c";

    private static final String CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";

    private static final String HEARTBEAT = """
            UNWIND $ids AS id
            MATCH (c:CrawlRun {id: id}) WHERE c.status = 'RUNNING'
            SET c.heartbeatAt = $now
            """;

    // A run's last sign of life is its heartbeat, or its start when it never had one (older versions).
    private static final String ABORT = """
            MATCH (c:CrawlRun) WHERE c.status = 'RUNNING' AND NOT c.id IN $alive
              AND ($before IS NULL OR coalesce(c.heartbeatAt, c.startedAt) < $before)
            SET c.status = 'ABORTED', c.finishedAt = $now, c.runningJob = null,
                c.note = 'The process running it (' + coalesce(c.instance, 'unknown') + ') stopped before the run ended; '
                       + 'found by ' + $instance
            RETURN c.id AS id ORDER BY id
            """;

    private static final String LIST = """
            MATCH (c:CrawlRun)
            WHERE $job IS NULL OR c.job = $job
            RETURN c {.*} AS c ORDER BY c.startedAt DESC, c.id DESC SKIP $skip LIMIT $limit
            """;

    private static final String COUNT = """
            MATCH (c:CrawlRun)
            WHERE $job IS NULL OR c.job = $job
            RETURN count(c) AS n
            """;

    private static final String FIND = "MATCH (c:CrawlRun {id: $id}) RETURN c {.*} AS c";

    private final Graph graph;
    private final String instance;

    /** @param instance names this process on the runs it starts (host and process id), for the operator */
    public CrawlRunStore(Graph graph, String instance) {
        this.graph = graph;
        this.instance = instance;
    }

    public CrawlRunStore(Graph graph) {
        this(graph, thisProcess());
    }

    /** {@code pid@host}: what an operator needs to find the process that ran something. */
    public static String thisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return ProcessHandle.current().pid() + "@" + host;
    }

    /** Marks the runs this process has under way as alive now. */
    public void heartbeat(Collection<String> runIds, Instant now) {
        if (!runIds.isEmpty()) {
            graph.write(tx -> tx.run(HEARTBEAT, Map.of("ids", List.copyOf(runIds), "now", dateTime(now))).consume());
        }
    }

    /**
     * Closes as ABORTED the runs left RUNNING by a process that is gone, and returns their ids.
     *
     * @param alive      runs this process has under way: never touched
     * @param lastSignOf runs whose heartbeat (or start) is older than this are abandoned; null takes every
     *                   RUNNING run (only right when no other process can be running jobs on this store)
     */
    public List<String> abortAbandoned(Collection<String> alive, Instant lastSignOf, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("alive", List.copyOf(alive));
        params.put("before", lastSignOf == null ? null : dateTime(lastSignOf));
        params.put("now", dateTime(now));
        params.put("instance", instance);
        return graph.write(tx -> tx.run(ABORT, params).list(r -> r.get("id").asString()));
    }

    /**
     * Records {@code started} (a RUNNING run) as its job's run under way, unless a run of that job
     * is already under way on this store, started by any instance; returns that run then. Only one
     * of two instances claiming at the same moment wins: the store's unique {@code runningJob}
     * refuses the other. A run holds its claim until it is saved finished, or closed as abandoned.
     */
    public Optional<CrawlRun> claim(CrawlRun started) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", started.id());
        params.put("job", started.job());
        params.put("startedAt", dateTime(started.startedAt()));
        params.put("instance", instance);
        for (int attempt = 1; ; attempt++) {
            try {
                graph.write(tx -> tx.run(CLAIM, params).consume());
                return Optional.empty();
            } catch (ClientException e) {
                if (!CONSTRAINT_FAILED.equals(e.code())) {
                    throw e;
                }
            }
            Optional<CrawlRun> holder = graph.read(tx -> tx.run(CLAIMED, Map.of("job", started.job())).stream()
                    .findFirst().map(r -> run(r.get("c"))));
            if (holder.isPresent()) {
                return holder;
            }
            // The holder finished between the refusal and the look: claim again, a bounded number of times.
            if (attempt >= 3) {
                throw new IllegalStateException("Could not claim job '" + started.job() + "': its runs kept starting and ending");
            }
        }
    }

    public void save(CrawlRun run) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", run.id());
        params.put("job", run.job());
        params.put("status", run.status().name());
        params.put("startedAt", dateTime(run.startedAt()));
        params.put("finishedAt", dateTime(run.finishedAt()));
        // Neo4j properties cannot hold maps: counts travel as two parallel lists.
        params.put("countNames", List.copyOf(run.counts().keySet()));
        params.put("countValues", run.counts().keySet().stream().map(run.counts()::get).toList());
        params.put("requests", run.requests());
        params.put("errors", run.errors().size() > MAX_ERRORS ? run.errors().subList(0, MAX_ERRORS) : run.errors());
        params.put("note", run.note());
        params.put("instance", instance);
        graph.write(tx -> tx.run(SAVE, params).consume());
    }

    /** Newest first; {@code job} null lists every job's runs. */
    public List<CrawlRun> list(String job, int limit) {
        return list(job, 0, limit);
    }

    /** Newest first, from the {@code skip}-th run on. */
    public List<CrawlRun> list(String job, int skip, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("job", job);
        params.put("skip", skip);
        params.put("limit", limit);
        return graph.read(tx -> tx.run(LIST, params).list(r -> run(r.get("c"))));
    }

    /** How many runs {@link #list} pages through. */
    public long count(String job) {
        Map<String, Object> params = new HashMap<>();
        params.put("job", job);
        return graph.read(tx -> tx.run(COUNT, params).single().get("n").asLong());
    }

    public Optional<CrawlRun> find(String id) {
        return graph.read(tx -> tx.run(FIND, Map.of("id", id)).stream().findFirst().map(r -> run(r.get("c"))));
    }

    private static CrawlRun run(Value c) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> names = DriverValues.strings(c.get("counts"));
        List<Long> values = c.get("countValues").isNull() ? List.of() : c.get("countValues").asList(Value::asLong);
        for (int i = 0; i < names.size(); i++) {
            counts.put(names.get(i), values.get(i));
        }
        return new CrawlRun(c.get("id").asString(), c.get("job").asString(), CrawlStatus.valueOf(c.get("status").asString()),
                instant(c.get("startedAt")), instant(c.get("finishedAt")), counts, c.get("requests").asLong(0),
                DriverValues.strings(c.get("errors")), DriverValues.string(c.get("note")));
    }
}
