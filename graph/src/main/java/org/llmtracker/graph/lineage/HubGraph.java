package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Value;

/**
 * What a Hugging Face crawl keeps beside models and derivations (see {@link LineageWriter}):
 * the Hub ids to start from, renames as aliases, the Hub's verdict on each model (ok, gated,
 * gone, unlisted) and download/like snapshots. Every write is idempotent.
 */
public final class HubGraph {

    /** Hub statuses stored in {@code Model.hfStatus}. */
    public static final String OK = "ok";
    public static final String GATED = "gated";
    public static final String GONE = "gone";
    public static final String UNLISTED = "unlisted";

    private static final String ROOTS = """
            MATCH (m:Model)
            WHERE m.catalogued AND size(coalesce(m.huggingfaceIds, [])) > 0
            RETURN m.id AS id, m.huggingfaceIds AS hfIds
            ORDER BY m.id
            """;

    private static final String RESOLVE = """
            OPTIONAL MATCH (:Alias {id: row.%1$s})-[:ALIAS_OF]->(a:Model)
            OPTIONAL MATCH (own:Model {id: row.%1$s})
            """;

    // The id that already has a model keeps it; the other id becomes its alias. When neither has
    // one yet nothing is written, and the caller repeats the call after writing the models.
    private static final String RENAMES = """
            UNWIND $rows AS row
            OPTIONAL MATCH (:Alias {id: row.from})-[:ALIAS_OF]->(fa:Model)
            OPTIONAL MATCH (fm:Model {id: row.from})
            OPTIONAL MATCH (:Alias {id: row.to})-[:ALIAS_OF]->(ta:Model)
            OPTIONAL MATCH (tm:Model {id: row.to})
            WITH row, coalesce(fa, fm) AS old, coalesce(ta, tm) AS new
            WITH row, CASE WHEN old IS NOT NULL AND new IS NULL THEN [row.to, old]
                           WHEN new IS NOT NULL AND old IS NULL THEN [row.from, new]
                           ELSE null END AS pair
            WHERE pair IS NOT NULL
            WITH pair[0] AS alias, pair[1] AS model
            MERGE (a:Alias {id: alias})
            ON CREATE SET a.source = 'hf-rename', a.createdAt = $now
            MERGE (a)-[:ALIAS_OF]->(model)
            """;

    private static final String STATUS = """
            UNWIND $rows AS row
            """ + RESOLVE.formatted("id") + """
            WITH row, coalesce(a, own) AS m
            WHERE m IS NOT NULL
            SET m.hfStatus = row.status, m.hfCheckedAt = $now,
                m.gated = CASE WHEN row.status = 'gated' THEN true ELSE m.gated END,
                m.hfListedAt = CASE WHEN row.listed THEN $now ELSE m.hfListedAt END
            """;

    private static final String CHILDREN_LISTED = """
            UNWIND $rows AS row
            """ + RESOLVE.formatted("id") + """
            WITH coalesce(a, own) AS m
            WHERE m IS NOT NULL
            SET m.hfChildrenListedAt = $now
            """;

    // A model is unlisted when a parent's listing was read to the end this run and did not show it.
    private static final String UNLISTED_SINCE = """
            MATCH (m:Model)-[:DERIVED_FROM]->(p:Model)
            WHERE NOT coalesce(m.catalogued, false) AND m.hfStatus IN ['ok', 'gated'] AND m.hfListedAt < $since
              AND p.hfChildrenListedAt >= $since
            WITH DISTINCT m
            SET m.hfStatus = 'unlisted', m.hfCheckedAt = $now
            RETURN count(m) AS n
            """;

    // At most one snapshot a day, and only when a figure moved since the last one.
    private static final String SNAPSHOTS = """
            UNWIND $rows AS row
            """ + RESOLVE.formatted("id") + """
            WITH row, coalesce(a, own) AS m
            WHERE m IS NOT NULL
            CALL (m) {
              OPTIONAL MATCH (m)-[:HAD]->(s:Snapshot)
              RETURN s AS last ORDER BY s.at DESC LIMIT 1
            }
            WITH m, row, last
            WHERE last IS NULL
               OR (date(last.at) < date($now)
                   AND (coalesce(last.downloads, -1) <> coalesce(row.downloads, -1)
                        OR coalesce(last.likes, -1) <> coalesce(row.likes, -1)))
            CREATE (m)-[:HAD]->(:Snapshot {at: $now, downloads: row.downloads, likes: row.likes})
            RETURN count(*) AS n
            """;

    private static final String KNOWN = """
            UNWIND $ids AS id
            OPTIONAL MATCH (:Alias {id: id})-[:ALIAS_OF]->(a:Model)
            OPTIONAL MATCH (own:Model {id: id})
            WITH id, a, own
            WHERE a IS NOT NULL OR own IS NOT NULL
            RETURN collect(DISTINCT id) AS ids
            """;

    private final Graph graph;

    public HubGraph(Graph graph) {
        this.graph = graph;
    }

    /** Every catalogued model's Hub ids, by catalogue id: where discovery starts. */
    public Map<String, List<String>> cataloguedHubIds() {
        return graph.read(tx -> {
            Map<String, List<String>> roots = new LinkedHashMap<>();
            tx.run(ROOTS).forEachRemaining(r -> roots.put(r.get("id").asString(), r.get("hfIds").asList(Value::asString)));
            return roots;
        });
    }

    /** How many of these Hub ids the graph already holds (as a model or an alias). */
    public int known(List<String> hfIds) {
        List<String> ids = hfIds.stream().map(Ids::model).distinct().toList();
        return graph.read(tx -> tx.run(KNOWN, Map.of("ids", ids)).single().get("ids").size());
    }

    public void recordRenames(List<Rename> renames, Instant now) {
        if (renames.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = renames.stream()
                .filter(r -> !Ids.model(r.from()).equals(Ids.model(r.to())))
                .map(r -> Map.<String, Object>of("from", Ids.model(r.from()), "to", Ids.model(r.to()))).toList();
        graph.write(tx -> tx.run(RENAMES, Map.of("rows", rows, "now", dateTime(now))).consume());
    }

    /** Sets the Hub's verdict on models; {@code listed} also stamps them as seen in a listing now. */
    public void markStatus(List<String> hfIds, String status, boolean listed, Instant now) {
        if (hfIds.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = hfIds.stream()
                .map(id -> Map.<String, Object>of("id", Ids.model(id), "status", status, "listed", listed)).toList();
        graph.write(tx -> tx.run(STATUS, Map.of("rows", rows, "now", dateTime(now))).consume());
    }

    /** Stamps models whose children were all listed now (within the discovery bounds). */
    public void markChildrenListed(List<String> hfIds, Instant now) {
        if (hfIds.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = hfIds.stream().map(id -> Map.<String, Object>of("id", Ids.model(id))).toList();
        graph.write(tx -> tx.run(CHILDREN_LISTED, Map.of("rows", rows, "now", dateTime(now))).consume());
    }

    /**
     * Discovered models that a parent's complete listing since {@code since} no longer shows are
     * kept, and marked unlisted; returns how many.
     */
    public long markUnlistedSince(Instant since, Instant now) {
        return graph.write(tx -> tx.run(UNLISTED_SINCE, Map.of("since", dateTime(since), "now", dateTime(now)))
                .single().get("n").asLong());
    }

    /** Appends a download/like snapshot where a figure changed (at most one a day); returns how many. */
    public long snapshot(List<HubModel> models, Instant now) {
        if (models.isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> rows = models.stream().map(m -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", Ids.model(m.hfId()));
            row.put("downloads", m.downloads());
            row.put("likes", m.likes());
            return row;
        }).toList();
        return graph.write(tx -> tx.run(SNAPSHOTS, Map.of("rows", rows, "now", dateTime(now))).list().stream()
                .mapToLong(r -> r.get("n").asLong()).sum());
    }
}
