package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.exceptions.ClientException;

/**
 * The bulk path of {@link LineageWriter#upsertModelsInBulk}: models whose id is neither a
 * model nor an alias yet are created outright (no MERGE, no alias lookup per row, no eager
 * pass), which is what a first crawl of a large family mostly writes. Everything else, and any
 * batch that loses a race with another writer, goes through the ordinary upsert, so the graph
 * ends up exactly as {@link LineageWriter#upsertModels} would leave it.
 */
final class ModelBulkInsert {

    static final int BATCH = 20_000;

    private static final String KNOWN = """
            UNWIND $keys AS key
            OPTIONAL MATCH (m:Model {id: key})
            OPTIONAL MATCH (a:Alias {id: key})
            WITH key WHERE m IS NOT NULL OR a IS NOT NULL
            RETURN collect(key) AS known
            """;

    private static final String ORGANISATIONS = """
            UNWIND $rows AS row
            MERGE (o:Organisation {key: row.key})
            ON CREATE SET o.name = row.name, o.aliases = [], o.updatedAt = $now
            """;

    private static final String CREATE = """
            UNWIND $rows AS row
            CREATE (m:Model {id: row.key, name: row.hfId, kind: 'model', catalogued: false, firstSeenAt: $now,
                             updatedAt: $now})
            SET m += row.properties
            WITH m, row WHERE row.authorKey IS NOT NULL
            MATCH (o:Organisation {key: row.authorKey})
            CREATE (m)-[:PUBLISHED_BY]->(o)
            """;

    private static final String CONSTRAINT_FAILED = "Neo.ClientError.Schema.ConstraintValidationFailed";

    private final Graph graph;
    private final LineageWriter writer;

    ModelBulkInsert(Graph graph, LineageWriter writer) {
        this.graph = graph;
        this.writer = writer;
    }

    int write(List<HubModel> models, Instant now) {
        for (int from = 0; from < models.size(); from += BATCH) {
            List<HubModel> batch = models.subList(from, Math.min(from + BATCH, models.size()));
            List<HubModel> rest;
            try {
                rest = createFresh(batch, dateTime(now));
            } catch (ClientException e) {
                if (!CONSTRAINT_FAILED.equals(e.code())) {
                    throw e;
                }
                rest = batch;
            }
            writer.upsertModels(rest, now);
        }
        return models.size();
    }

    /** Creates the batch's unknown models; returns, in batch order, those left for the upsert (known ids and repeats). */
    private List<HubModel> createFresh(List<HubModel> batch, Object now) {
        Map<String, Map<String, Object>> firsts = new LinkedHashMap<>();
        batch.forEach(model -> firsts.computeIfAbsent(Ids.model(model.hfId()), k -> ModelUpserts.row(model)));
        return graph.write(tx -> {
            Set<String> known = new HashSet<>(tx.run(KNOWN, Map.of("keys", List.copyOf(firsts.keySet())))
                    .single().get("known").asList(v -> v.asString()));
            List<Map<String, Object>> fresh = new ArrayList<>();
            Map<String, Map<String, Object>> organisations = new LinkedHashMap<>();
            firsts.forEach((key, row) -> {
                if (!known.contains(key)) {
                    fresh.add(creation(row));
                    if (row.get("authorKey") != null) {
                        organisations.putIfAbsent((String) row.get("authorKey"),
                                Map.of("key", row.get("authorKey"), "name", row.get("author")));
                    }
                }
            });
            tx.run(ORGANISATIONS, Map.of("rows", List.copyOf(organisations.values()), "now", now)).consume();
            tx.run(CREATE, Map.of("rows", fresh, "now", now)).consume();
            Set<String> seen = new HashSet<>();
            List<HubModel> left = new ArrayList<>();
            for (HubModel model : batch) {
                String key = Ids.model(model.hfId());
                if (known.contains(key) || !seen.add(key)) {
                    left.add(model);
                }
            }
            return left;
        });
    }

    /** The properties the upsert would set on a new node, the unknown (null) ones left out. */
    private static Map<String, Object> creation(Map<String, Object> row) {
        Map<String, Object> properties = new HashMap<>();
        put(properties, "hfId", row.get("hfId"));
        put(properties, "downloads", row.get("downloads"));
        put(properties, "likes", row.get("likes"));
        put(properties, "pipelineTag", row.get("pipelineTag"));
        put(properties, "libraryName", row.get("libraryName"));
        put(properties, "parameters", row.get("parameters"));
        put(properties, "license", row.get("license"));
        put(properties, "hfCreatedAt", row.get("createdAt"));
        put(properties, "hfLastModified", row.get("lastModified"));
        put(properties, "gated", row.get("gated"));
        Map<String, Object> creation = new HashMap<>();
        creation.put("key", row.get("key"));
        creation.put("hfId", row.get("hfId"));
        creation.put("authorKey", row.get("authorKey"));
        creation.put("properties", properties);
        return creation;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
