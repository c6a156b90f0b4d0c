package org.llmtracker.graph.inference;

import static org.llmtracker.graph.store.DriverValues.instant;
import static org.llmtracker.graph.store.DriverValues.number;
import static org.llmtracker.graph.store.DriverValues.string;
import static org.llmtracker.graph.store.DriverValues.strings;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;

/** What the {@code infer} job reads: the models to infer for, and every stored Hub model as a candidate. */
public final class InferenceReads {

    private static final String FIELDS = """
            RETURN m.id AS id, m.hfId AS hfId, [(a:Alias)-[:ALIAS_OF]->(m) | a.id] AS aliases, m.hfCreatedAt AS createdAt,
                   m.modelType AS modelType, m.ggufArchitecture AS gguf, m.parameters AS parameters, m.downloads AS downloads,
                   m.libraryName AS library, coalesce(m.catalogued, false) AS catalogued, m.formatTags AS formatTags
            """;

    /** Hub models that declare no parent, never-checked first, then the longest unchecked, most downloaded first. */
    private static final String SUBJECTS = """
            MATCH (m:Model)
            WHERE m.hfId IS NOT NULL AND NOT coalesce(m.catalogued, false) AND coalesce(m.hfStatus, 'ok') <> 'gone'
              AND NOT EXISTS { (m)-[k:DERIVED_FROM]->() WHERE %s }
            WITH m ORDER BY m.inferenceCheckedAt IS NOT NULL, m.inferenceCheckedAt, coalesce(m.downloads, 0) DESC, m.id
            LIMIT $limit
            """.formatted(InferredLinks.DECLARED) + FIELDS;

    private static final String CANDIDATES = "MATCH (m:Model) WHERE m.hfId IS NOT NULL\n" + FIELDS;

    private final Graph graph;

    public InferenceReads(Graph graph) {
        this.graph = graph;
    }

    /** At most {@code limit} models to infer a parent for. */
    public List<StoredHubModel> subjects(int limit) {
        return graph.read(tx -> tx.run(SUBJECTS, Map.of("limit", limit)).list(InferenceReads::model));
    }

    /** Every stored Hub model, streamed: the candidates a run can judge without asking the Hub. */
    public void candidates(Consumer<StoredHubModel> each) {
        graph.read(tx -> {
            tx.run(CANDIDATES).forEachRemaining(r -> each.accept(model(r)));
            return null;
        });
    }

    private static StoredHubModel model(Record r) {
        return new StoredHubModel(r.get("id").asString(), r.get("hfId").asString(), strings(r.get("aliases")),
                instant(r.get("createdAt")), string(r.get("modelType")), string(r.get("gguf")), number(r.get("parameters")),
                number(r.get("downloads")), string(r.get("library")), r.get("catalogued").asBoolean(), strings(r.get("formatTags")));
    }
}
