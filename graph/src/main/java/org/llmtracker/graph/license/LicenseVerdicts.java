package org.llmtracker.graph.license;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.TransactionContext;

/**
 * Keeps every model's licence and licence verdict stored, so the conflict list is an index read.
 * Writers mark what may have changed with the {@code :LicenseStale} label, in their own
 * transaction: the ancestry index marks every model it recomputes (its lineage changed), the Hub
 * and catalogue writers a model whose licence fields changed. {@link #refresh} then judges the
 * marked models in batches; a model whose licence changed marks everything below it, since they
 * are judged against it. A change of the licence terms (the book's fingerprint) marks all.
 *
 * <p>Stored verdicts follow declared lineage only ({@code evidence=declared}, the API's default);
 * {@link LicenseQueries#check} judges one model live under either evidence.
 */
public final class LicenseVerdicts {

    private static final String STALE = "MATCH (m:LicenseStale) RETURN m.id AS id LIMIT $limit";

    private static final String WRITE = """
            UNWIND $rows AS row
            MATCH (m:Model {id: row.id})
            SET m.licenseJudgedIn = $run, m.licenseJudgedAt = timestamp(),
                m.licenseId = row.license, m.licenseVerdict = row.verdict, m.licenseAncestor = row.ancestor,
                m.licenseAncestorLicense = row.ancestorLicense, m.licenseReason = row.reason, m.licenseDepth = row.depth,
                m.licenseConflictSince = CASE WHEN row.verdict <> 'conflict' THEN null
                                              WHEN m:LicenseConflict THEN m.licenseConflictSince ELSE $now END
            REMOVE m:LicenseStale
            FOREACH (_ IN CASE WHEN row.verdict = 'conflict' THEN [1] ELSE [] END | SET m:LicenseConflict)
            FOREACH (_ IN CASE WHEN row.verdict = 'conflict' THEN [] ELSE [1] END | REMOVE m:LicenseConflict)
            """;

    /**
     * The models below a relicensed one, except those this refresh judged after the licence was
     * written (they read it): a first fill's family is then judged once, not once per ancestor. A
     * licence written while the refresh runs ({@code licenseMarkedAt}, by the writers, on the
     * database's clock) re-marks what was judged before it or within {@link #WRITE_SLACK_MS} after.
     */
    private static final String MARK_BELOW = """
            UNWIND $ids AS id
            MATCH (a:Model {id: id})<-[:DESCENDS_FROM]-(d:Model)
            WHERE NOT d:LicenseStale
              AND (d.licenseJudgedIn IS NULL OR d.licenseJudgedIn <> $run
                   OR d.licenseJudgedAt <= coalesce(a.licenseMarkedAt, 0) + $slack)
            SET d:LicenseStale
            """;

    /** How long after a licence was written a verdict below it may still have read the old one (its commit). */
    static final long WRITE_SLACK_MS = 60_000;

    private static final String ALL = "MATCH (m:Model) RETURN m.id AS id";

    private static final String MARK = "UNWIND $ids AS id MATCH (m:Model {id: id}) SET m:LicenseStale";

    private static final String STATE = "MATCH (s:IndexState {name: 'licenses'}) RETURN s.fingerprint AS fingerprint";

    private static final String MARK_STATE = "MERGE (s:IndexState {name: 'licenses'}) SET s.fingerprint = $fingerprint";

    private static final String CONFLICTS_BY_HEAD = """
            MATCH (:LicenseConflict)-[:DESCENDS_FROM]->(h:FamilyRoot)
            RETURN h.id AS id, count(*) AS conflicts
            """;

    private static final String STORED_BY_HEAD = """
            MATCH (h:FamilyRoot) WHERE h.licenseConflicts > 0
            RETURN h.id AS id, h.licenseConflicts AS conflicts
            """;

    private static final String WRITE_HEADS = """
            UNWIND $rows AS row
            MATCH (h:Model {id: row.id})
            SET h.licenseConflicts = row.conflicts
            """;

    private final Graph graph;
    private final LicenseBook book;
    private final LicenseJudge judge;
    private final int batch;

    public LicenseVerdicts(Graph graph, LicenseBook book, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        this.graph = graph;
        this.book = book;
        this.judge = new LicenseJudge(book);
        this.batch = batch;
    }

    /** What one refresh did. */
    public record Refreshed(long judged, long relicensed, long newConflicts) {
    }

    /**
     * Marks every model when the verdicts were made under other terms (or never): cheap when
     * they are current. The next {@link #refresh} judges them.
     */
    public boolean ensure() {
        String stored = graph.read(tx -> tx.run(STATE).stream().findFirst()
                .map(r -> r.get("fingerprint").asString(null)).orElse(null));
        if (book.fingerprint().equals(stored)) {
            return false;
        }
        List<String> ids = graph.read(tx -> tx.run(ALL).list(r -> r.get("id").asString()));
        for (int from = 0; from < ids.size(); from += batch) {
            List<String> chunk = ids.subList(from, Math.min(from + batch, ids.size()));
            graph.write(tx -> tx.run(MARK, Map.of("ids", chunk)).consume());
        }
        graph.write(tx -> tx.run(MARK_STATE, Map.of("fingerprint", book.fingerprint())).consume());
        return true;
    }

    /**
     * Judges every marked model, a batch per transaction, until none is marked; then the families'
     * counts and the summary's ({@link LicenseTotals}).
     */
    public Refreshed refresh(Instant now) {
        String run = UUID.randomUUID().toString();
        long judged = 0;
        long relicensed = 0;
        long newConflicts = 0;
        while (true) {
            long[] done = graph.write(tx -> {
                List<String> ids = tx.run(STALE, Map.of("limit", batch)).list(r -> r.get("id").asString());
                return ids.isEmpty() ? null : judge(tx, ids, now, run);
            });
            if (done == null) {
                break;
            }
            judged += done[0];
            relicensed += done[1];
            newConflicts += done[2];
        }
        if (judged > 0) {
            countByFamily();
        }
        if (judged > 0 || !LicenseTotals.kept(graph)) {
            LicenseTotals.keep(graph, now);
        }
        return new Refreshed(judged, relicensed, newConflicts);
    }

    private long[] judge(TransactionContext tx, List<String> ids, Instant now, String run) {
        List<Map<String, Object>> rows = new ArrayList<>(ids.size());
        List<String> relicensed = new ArrayList<>();
        long newConflicts = 0;
        for (LicenseFacts.Model m : LicenseFacts.read(tx, ids, book)) {
            LicenseCheck check = judge.judge(m.subject(), m.declared());
            Map<String, Object> row = new HashMap<>();
            row.put("id", m.subject().id());
            row.put("license", m.subject().license());
            row.put("verdict", check == null ? null : check.verdict());
            row.put("ancestor", check == null ? null : check.ancestor());
            row.put("ancestorLicense", check == null ? null : check.ancestorLicense());
            row.put("reason", check == null ? null : check.reason());
            row.put("depth", check == null ? null : check.depth());
            rows.add(row);
            if (!Objects.equals(m.storedLicense(), m.subject().license())) {
                relicensed.add(m.subject().id());
            }
            if (check != null && LicenseCheck.CONFLICT.equals(check.verdict())
                    && !LicenseCheck.CONFLICT.equals(m.storedVerdict())) {
                newConflicts++;
            }
        }
        // A marked node that judging did not find (merged away) keeps its mark: clear it. Only those
        // few go through the label's scan; 2,000 of them at once over 1M marks was the refresh's whole cost.
        Set<String> found = rows.stream().map(r -> (String) r.get("id")).collect(Collectors.toSet());
        List<String> missing = ids.stream().filter(id -> !found.contains(id)).toList();
        if (!missing.isEmpty()) {
            tx.run("UNWIND $ids AS id MATCH (m:LicenseStale {id: id}) REMOVE m:LicenseStale", Map.of("ids", missing)).consume();
        }
        tx.run(WRITE, Map.of("rows", rows, "now", dateTime(now), "run", run)).consume();
        if (!relicensed.isEmpty()) {
            tx.run(MARK_BELOW, Map.of("ids", relicensed, "run", run, "slack", WRITE_SLACK_MS)).consume();
        }
        return new long[] {rows.size(), relicensed.size(), newConflicts};
    }

    /** Each family head's number of conflicting descendants, written where it changed. */
    private void countByFamily() {
        Map<String, Long> counted = new HashMap<>();
        Map<String, Long> stored = new HashMap<>();
        graph.read(tx -> {
            tx.run(CONFLICTS_BY_HEAD).forEachRemaining(r -> counted.put(r.get("id").asString(), r.get("conflicts").asLong()));
            tx.run(STORED_BY_HEAD).forEachRemaining(r -> stored.put(r.get("id").asString(), r.get("conflicts").asLong()));
            return null;
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        counted.forEach((id, n) -> {
            if (!n.equals(stored.get(id))) {
                rows.add(Map.of("id", id, "conflicts", n));
            }
        });
        stored.keySet().stream().filter(id -> !counted.containsKey(id)).forEach(id -> rows.add(Map.of("id", id, "conflicts", 0L)));
        for (int from = 0; from < rows.size(); from += batch) {
            List<Map<String, Object>> chunk = rows.subList(from, Math.min(from + batch, rows.size()));
            graph.write(tx -> tx.run(WRITE_HEADS, Map.of("rows", chunk)).consume());
        }
    }
}
