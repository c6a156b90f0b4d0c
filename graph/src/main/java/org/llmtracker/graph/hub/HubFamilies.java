package org.llmtracker.graph.hub;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.llmtracker.graph.ancestry.Ancestry;

/**
 * The graph side of the {@code huggingface} job: the Hub ids where discovery starts, each crawled
 * family stored in one transaction ({@link #store}), the Hub's verdict on a model it would not
 * describe, and models that left the listings. Every write is idempotent.
 */
public final class HubFamilies {

    /** Catalogued models through their index: a bare {@code m.catalogued} read every model (0.8-1.5 s at 1M). */
    static final String ROOTS = """
            MATCH (m:Model) USING INDEX SEEK m:Model(catalogued)
            WHERE m.catalogued = true AND size(coalesce(m.huggingfaceIds, [])) > 0
            RETURN m.id AS id, m.huggingfaceIds AS hfIds
            ORDER BY m.id
            """;

    private static final String RESOLVE = """
            OPTIONAL MATCH (:Alias {id: row.id})-[:ALIAS_OF]->(a:Model)
            OPTIONAL MATCH (own:Model {id: row.id})
            WITH row, coalesce(a, own) AS m
            """;

    private static final String KNOWN = "UNWIND $rows AS row\n" + RESOLVE + "RETURN count(m) AS n";

    // The id that already has a model keeps it; the other id becomes its alias. When neither has
    // one nothing is written (see store for the second pass).
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

    // A rename whose ids both have models already (the sweep stored the new id, the catalogue lists
    // the old): the two are one model. A catalogued one stays; else the new id's.
    private static final String JOINED = """
            UNWIND $rows AS row
            OPTIONAL MATCH (:Alias {id: row.from})-[:ALIAS_OF]->(fa:Model)
            OPTIONAL MATCH (fm:Model {id: row.from})
            OPTIONAL MATCH (:Alias {id: row.to})-[:ALIAS_OF]->(ta:Model)
            OPTIONAL MATCH (tm:Model {id: row.to})
            WITH coalesce(fa, fm) AS old, coalesce(ta, tm) AS new
            WHERE old IS NOT NULL AND new IS NOT NULL AND old <> new
            RETURN CASE WHEN coalesce(old.catalogued, false) THEN old.id ELSE new.id END AS keep,
                   CASE WHEN coalesce(old.catalogued, false) THEN new.id ELSE old.id END AS gone
            """;

    private static final String STATUS = "UNWIND $rows AS row\n" + RESOLVE + """
            WHERE m IS NOT NULL
            SET m.hfStatus = row.status, m.hfCheckedAt = $now,
                m.gated = CASE WHEN row.status = 'gated' THEN true ELSE m.gated END,
                m.hfListedAt = CASE WHEN row.listed THEN $now ELSE m.hfListedAt END
            """;

    private static final String CHILDREN_LISTED = "UNWIND $rows AS row\n" + RESOLVE + """
            WHERE m IS NOT NULL
            SET m.hfChildrenListedAt = $now
            """;

    // A model is unlisted when a parent's listing was read to the end this run and did not show it.
    private static final String UNLISTED_SINCE = """
            MATCH (m:Model)-[:DERIVED_FROM]->(p:Model)
            WHERE NOT coalesce(m.catalogued, false) AND m.hfStatus IN ['ok', 'gated'] AND m.hfListedAt < $since
              AND p.hfChildrenListedAt >= $since AND coalesce(m.downloads, 0) >= $minDownloads
            WITH DISTINCT m
            SET m.hfStatus = 'unlisted', m.hfCheckedAt = $now
            RETURN count(m) AS n
            """;

    // At most one snapshot a day, and only when a figure moved since the last one.
    private static final String SNAPSHOTS = "UNWIND $rows AS row\n" + RESOLVE + """
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

    private final Graph graph;

    public HubFamilies(Graph graph) {
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

    /**
     * Stores a crawled family in one transaction, so a reader (or a crash) sees all of it or none.
     * The order matters where a statement needs what an earlier one wrote:
     * <ol>
     * <li>count the listed ids the graph already holds, before anything is written;</li>
     * <li>renames whose ids both have a model already become one model ({@link ModelMerge});</li>
     * <li>renames, first pass: where one id already has a model, the other becomes its alias, so the
     *     model upsert of a renamed model lands on that node instead of creating a twin;</li>
     * <li>the models (and their organisations);</li>
     * <li>renames, second pass: where neither id had a model, the upsert has now created the new
     *     id's, and the old id becomes its alias;</li>
     * <li>the derivations, whose ends now resolve through every alias, with the ancestry index, and the
     *     cards' version links;</li>
     * <li>statuses, the children-listed stamps and snapshots, which only need the models.</li>
     * </ol>
     */
    public HubFamily.Stored store(HubFamily family, Instant now) {
        Object at = dateTime(now);
        List<Map<String, Object>> renames = family.renames().stream()
                .filter(r -> !Ids.model(r.from()).equals(Ids.model(r.to())))
                .map(r -> Map.<String, Object>of("from", Ids.model(r.from()), "to", Ids.model(r.to()))).toList();
        return graph.write(tx -> {
            long known = tx.run(KNOWN, Map.of("rows", ids(family.listed()))).single().get("n").asLong();
            List<Map<String, String>> joined = renames.isEmpty() ? List.of() : tx.run(JOINED, Map.of("rows", renames))
                    .list(r -> Map.of("keep", r.get("keep").asString(), "gone", r.get("gone").asString()));
            Ancestry.refresh(tx, ModelMerge.absorb(tx, joined));
            run(tx, RENAMES, renames, at);
            ModelUpserts.models(tx, family.models(), at);
            run(tx, RENAMES, renames, at);
            ModelUpserts.derivations(tx, family.derivations(), at);
            if (!family.versions().isEmpty()) {
                CardVersions.write(tx, family.versions(), now);
            }
            run(tx, STATUS, List.of(status(family.root().hfId(), HubStatus.OK, false)), at);
            run(tx, STATUS, family.listed().stream()
                    .map(m -> status(m.hfId(), HubStatus.listed(m.gated()), true)).toList(), at);
            run(tx, CHILDREN_LISTED, family.listedCompletely().stream()
                    .map(id -> Map.<String, Object>of("id", Ids.model(id))).toList(), at);
            long snapshots = tx.run(SNAPSHOTS, Map.of("rows", snapshotRows(family.models()), "now", at)).list().stream()
                    .mapToLong(r -> r.get("n").asLong()).sum();
            return new HubFamily.Stored((int) (family.listed().size() - known), snapshots);
        });
    }

    /** The Hub's verdict on a model it would not describe ({@link HubStatus#GATED}, {@link HubStatus#GONE}). */
    public void markStatus(String hfId, HubStatus status, Instant now) {
        graph.write(tx -> run(tx, STATUS, List.of(status(hfId, status, false)), dateTime(now)));
    }

    /**
     * Discovered models that a parent's complete listing since {@code since} no longer shows are
     * kept, and marked unlisted; returns how many. A listing is complete down to
     * {@code minDownloads} only: a model below it (the whole-Hub sweep stores those too) was never
     * in it, so it cannot have left it.
     */
    public long markUnlistedSince(Instant since, long minDownloads, Instant now) {
        return graph.write(tx -> tx.run(UNLISTED_SINCE, Map.of("since", dateTime(since), "minDownloads", minDownloads,
                "now", dateTime(now))).single().get("n").asLong());
    }

    private static Void run(TransactionContext tx, String statement, List<Map<String, Object>> rows, Object now) {
        if (!rows.isEmpty()) {
            tx.run(statement, Map.of("rows", rows, "now", now)).consume();
        }
        return null;
    }

    private static Map<String, Object> status(String hfId, HubStatus status, boolean listed) {
        return Map.of("id", Ids.model(hfId), "status", status.stored(), "listed", listed);
    }

    private static List<Map<String, Object>> ids(List<HubModel> models) {
        return models.stream().map(m -> Ids.model(m.hfId())).distinct().map(id -> Map.<String, Object>of("id", id)).toList();
    }

    private static List<Map<String, Object>> snapshotRows(List<HubModel> models) {
        return models.stream().map(m -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", Ids.model(m.hfId()));
            row.put("downloads", m.downloads());
            row.put("likes", m.likes());
            return row;
        }).toList();
    }
}
