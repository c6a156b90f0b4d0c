package org.llmtracker.graph.hub;

import static org.llmtracker.graph.store.DriverValues.dateTime;
import static org.llmtracker.graph.store.DriverValues.instant;
import static org.llmtracker.graph.store.DriverValues.string;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The {@code :SweepState} of one sweep, and the one model write that belongs to the sweep alone:
 * marking what a complete full pass did not list. Page progress is committed by
 * {@link HubListingStore} inside the transaction that stores the page, so the graph never holds a page
 * without its cursor or a cursor past a page it does not hold.
 */
public final class SweepStates {

    /** Models marked unlisted per transaction: a full pass may retire tens of thousands. */
    static final int UNLISTED_BATCH = 10_000;

    private static final String READ = "MATCH (s:SweepState {name: $name}) RETURN s {.*} AS s";

    private static final String START = """
            MERGE (s:SweepState {name: $name})
            SET s.passFull = $full, s.passStartedAt = $startedAt, s.passStopBefore = $stopBefore, s.passCursor = null,
                s.passHead = null, s.passPages = 0, s.passModels = 0, s.passRestarts = 0
            """;

    private static final String ADVANCE = """
            MATCH (s:SweepState {name: $name})
            SET s.passCursor = $cursor, s.passHead = coalesce(s.passHead, $head),
                s.passPages = s.passPages + 1, s.passModels = s.passModels + $models
            WITH s
            WHERE $catchUpSeconds IS NOT NULL AND s.passHead IS NOT NULL
            SET s.passStopBefore = s.passHead - duration({seconds: $catchUpSeconds})
            """;

    // The pass's head was read first, before anything it lists changed again.
    private static final String RESTART = """
            MATCH (s:SweepState {name: $name})
            SET s.passCursor = null, s.passRestarts = s.passRestarts + 1
            """;

    private static final String COMPLETE = """
            MATCH (s:SweepState {name: $name})
            SET s.watermark = CASE WHEN s.passHead IS NULL OR s.watermark > s.passHead THEN s.watermark
                                   ELSE s.passHead END,
                s.lastFullPassAt = CASE WHEN s.passFull THEN s.passStartedAt ELSE s.lastFullPassAt END,
                s.lastCompletedAt = $now
            REMOVE s.passFull, s.passStartedAt, s.passStopBefore, s.passCursor, s.passHead, s.passPages, s.passModels,
                   s.passRestarts
            """;

    // Only what a listing stamped: catalogue entries, stubs and models only ever fetched one by one are
    // not the sweep's to retire. The index on hfListedAt keeps each batch a range read.
    private static final String UNLISTED = """
            MATCH (m:Model)
            WHERE m.hfListedAt < $since AND m.hfStatus IN ['ok', 'gated'] AND NOT coalesce(m.catalogued, false)
            WITH m LIMIT $batch
            SET m.hfStatus = 'unlisted', m.hfCheckedAt = $now
            RETURN count(m) AS n
            """;

    private final Graph graph;
    private final String name;

    public SweepStates(Graph graph, String name) {
        this.graph = graph;
        this.name = name;
    }

    public Optional<SweepState> read() {
        return graph.read(tx -> tx.run(READ, Map.of("name", name)).stream().findFirst().map(r -> state(r.get("s"))));
    }

    /** Begins a pass from the listing's first page, replacing any pass under way. */
    public SweepState.Pass start(boolean full, Instant startedAt, Instant stopBefore) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", name);
        params.put("full", full);
        params.put("startedAt", dateTime(startedAt));
        params.put("stopBefore", dateTime(stopBefore));
        graph.write(tx -> tx.run(START, params).consume());
        return read().orElseThrow().pass();
    }

    /** Records a stored page, in the transaction that stored it ({@link HubListingStore}). */
    void advance(TransactionContext tx, HubListingStore.Progress progress) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", name);
        params.put("cursor", progress.cursor());
        params.put("head", dateTime(progress.head()));
        params.put("models", progress.models());
        params.put("catchUpSeconds", progress.catchUp() == null ? null : progress.catchUp().toSeconds());
        tx.run(ADVANCE, params).consume();
    }

    /** The listing no longer accepts the cursor: the pass reads again from the first page. */
    public void restart() {
        graph.write(tx -> tx.run(RESTART, Map.of("name", name)).consume());
    }

    /** Ends the pass: its head becomes the watermark, and a full pass is remembered as such. */
    public void complete(Instant now) {
        graph.write(tx -> tx.run(COMPLETE, Map.of("name", name, "now", dateTime(now))).consume());
    }

    /** Marks listed models that no listing has shown since {@code since} as unlisted (kept); returns how many. */
    public long markUnlisted(Instant since, Instant now) {
        long total = 0;
        for (long n = UNLISTED_BATCH; n == UNLISTED_BATCH; total += n) {
            n = graph.write(tx -> tx.run(UNLISTED, Map.of("since", dateTime(since), "now", dateTime(now),
                    "batch", UNLISTED_BATCH)).single().get("n").asLong());
        }
        return total;
    }

    private static SweepState state(Value s) {
        SweepState.Pass pass = s.get("passStartedAt").isNull() ? null : new SweepState.Pass(
                s.get("passFull").asBoolean(), instant(s.get("passStartedAt")), instant(s.get("passStopBefore")),
                string(s.get("passCursor")), instant(s.get("passHead")), s.get("passPages").asLong(),
                s.get("passModels").asLong(), s.get("passRestarts").asLong());
        return new SweepState(s.get("name").asString(), instant(s.get("watermark")), instant(s.get("lastFullPassAt")),
                instant(s.get("lastCompletedAt")), pass);
    }
}
