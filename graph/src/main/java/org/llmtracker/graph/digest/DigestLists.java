package org.llmtracker.graph.digest;

import static org.llmtracker.graph.store.DriverValues.dateTime;
import static org.llmtracker.graph.store.DriverValues.number;
import static org.llmtracker.graph.store.DriverValues.string;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.digest.Digest.NewModel;
import org.llmtracker.graph.model.Page;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;

/**
 * The whole list behind the digest's new-model sections, a page at a time, read from the store
 * as it is now: the week's new models, optionally only those below one model (a family head, its
 * later generations included, or any catalogued model, at any depth) and of one relation. The
 * week's base models are {@code relation=ROOT}. Same order as the digest: most downloaded, most
 * liked, id.
 */
public final class DigestLists {

    /** The relation filter that asks for the week's new base models (models deriving from nothing). */
    public static final String ROOT = "ROOT";

    // The model's own relation, as WeekNews.relation says it: MERGE for several parents, NEW_VERSION, or null.
    private static final String RELATION = """
            WITH m, [(m)-[l:DERIVED_FROM]->(p) WHERE p <> m | coalesce(l.relation, 'UNKNOWN')] AS rels
            WITH m, CASE WHEN size(rels) > 1 THEN 'MERGE' WHEN size(rels) = 1 THEN rels[0]
                         WHEN EXISTS { (m)-[:NEW_VERSION_OF]->() } THEN 'NEW_VERSION' END AS relation
            WHERE $relation IS NULL OR coalesce(relation, 'ROOT') = $relation
            """;

    private static final String WEEK = """
            MATCH (m:Model) WHERE m.firstSeenAt >= $from AND m.firstSeenAt < $to
            """ + RELATION;

    // Below the model or any later generation of it: DESCENDS_FROM rows of a handful of ancestors,
    // plus the later generations that are themselves new.
    private static final String BELOW = """
            MATCH (f:Model {id: $family})
            OPTIONAL MATCH (f)<-[:NEW_VERSION_OF*1..64]-(v:Model)
            WITH f, collect(DISTINCT v) AS versions
            UNWIND [f] + versions AS a
            CALL (a, f) {
              MATCH (m:Model)-[:DESCENDS_FROM]->(a) WHERE m.firstSeenAt >= $from AND m.firstSeenAt < $to RETURN m
              UNION
              WITH a, f WHERE a <> f AND a.firstSeenAt >= $from AND a.firstSeenAt < $to RETURN a AS m
            }
            WITH DISTINCT m
            """ + RELATION;

    private static final String COUNT = "RETURN count(m) AS total";

    private static final String PAGE = """
            WITH m, relation ORDER BY coalesce(m.downloads, -1) DESC, coalesce(m.likes, -1) DESC, m.id SKIP $skip LIMIT $limit
            RETURN m.id AS id, coalesce(m.name, m.id) AS name, coalesce(m.catalogued, false) AS catalogued, relation,
                   m.downloads AS downloads, m.likes AS likes
            """;

    private final Graph graph;

    public DigestLists(Graph graph) {
        this.graph = graph;
    }

    /**
     * @param family   null for the whole week, else a model id: only new models below it (or below its later versions)
     * @param relation null for any, {@link #ROOT} for new base models, else a relation name or {@code NEW_VERSION}
     * @return null when {@code family} names no model
     */
    public Page<NewModel> newModels(IsoWeek week, String family, String relation, int skip, int limit) {
        if (skip < 0 || limit < 1) {
            throw new IllegalArgumentException("skip must be >= 0 and limit >= 1, got " + skip + ", " + limit);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("from", dateTime(week.start()));
        params.put("to", dateTime(week.end()));
        params.put("family", family);
        params.put("relation", relation);
        params.put("skip", skip);
        params.put("limit", limit);
        String match = family == null ? WEEK : BELOW;
        return graph.read(tx -> {
            if (family != null && !tx.run("MATCH (f:Model {id: $family}) RETURN count(f) > 0 AS found", params)
                    .single().get("found").asBoolean()) {
                return null;
            }
            long total = tx.run(match + COUNT, params).single().get("total").asLong();
            List<NewModel> items = skip >= total ? List.of() : tx.run(match + PAGE, params).list(DigestLists::model);
            return new Page<>(total, items);
        });
    }

    private static NewModel model(Record r) {
        return new NewModel(r.get("id").asString(), string(r.get("name")), r.get("catalogued").asBoolean(),
                string(r.get("relation")), null, null, number(r.get("downloads")), number(r.get("likes")));
    }

}
