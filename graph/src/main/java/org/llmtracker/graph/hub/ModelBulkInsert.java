package org.llmtracker.graph.hub;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.ArrayList;
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
            firsts.forEach((key, row) -> {
                if (!known.contains(key)) {
                    fresh.add(ListingStatements.creation(row, ListingStatements.hubProperties(row)));
                }
            });
            ListingStatements.createModels(tx, fresh, now);
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
}
