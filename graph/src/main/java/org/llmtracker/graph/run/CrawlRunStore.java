package org.llmtracker.graph.run;

import static org.llmtracker.graph.store.DriverValues.dateTime;
import static org.llmtracker.graph.store.DriverValues.instant;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmtracker.graph.store.DriverValues;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Value;

/** {@code :CrawlRun} nodes: a record of every job run, newest first. */
public final class CrawlRunStore {

    /** Errors kept per run; a run against a broken upstream would otherwise store thousands. */
    public static final int MAX_ERRORS = 200;

    private static final String SAVE = """
            MERGE (c:CrawlRun {id: $id})
            SET c.job = $job, c.status = $status, c.startedAt = $startedAt, c.finishedAt = $finishedAt,
                c.counts = $countNames, c.countValues = $countValues, c.requests = $requests,
                c.errors = $errors, c.note = $note
            """;

    private static final String LIST = """
            MATCH (c:CrawlRun)
            WHERE $job IS NULL OR c.job = $job
            RETURN c ORDER BY c.startedAt DESC, c.id DESC LIMIT $limit
            """;

    private static final String FIND = "MATCH (c:CrawlRun {id: $id}) RETURN c";

    private final Graph graph;

    public CrawlRunStore(Graph graph) {
        this.graph = graph;
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
        graph.write(tx -> tx.run(SAVE, params).consume());
    }

    /** Newest first; {@code job} null lists every job's runs. */
    public List<CrawlRun> list(String job, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("job", job);
        params.put("limit", limit);
        return graph.read(tx -> tx.run(LIST, params).list(r -> run(r.get("c"))));
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
