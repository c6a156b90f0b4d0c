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

    /** A model inference may give a parent: a Hub model, not catalogued, not gone, declaring none. */
    private static final String ELIGIBLE = """
            m.hfId IS NOT NULL AND NOT coalesce(m.catalogued, false) AND coalesce(m.hfStatus, 'ok') <> 'gone'
              AND NOT EXISTS { (m)-[k:DERIVED_FROM]->() WHERE %s }""".formatted(InferredLinks.DECLARED);

    /** New since the last check, or changed by a writer since (the sweep sets {@code updatedAt} on what it lists). */
    private static final String DUE = "(m.inferenceCheckedAt IS NULL OR m.updatedAt > m.inferenceCheckedAt)";

    private static final String FIELDS = """
            RETURN m.id AS id, m.hfId AS hfId, [(a:Alias)-[:ALIAS_OF]->(m) | a.id] AS aliases, m.hfCreatedAt AS createdAt,
                   m.modelType AS modelType, m.ggufArchitecture AS gguf, m.parameters AS parameters, m.downloads AS downloads,
                   m.libraryName AS library, coalesce(m.catalogued, false) AS catalogued, m.formatTags AS formatTags,
                   m.likes AS likes, [(m)-[:PUBLISHED_BY]->(o:Organisation) | o.name] AS publishers,
                   m.cardCreator AS cardCreator, m.cardQuantizedBy AS cardQuantizedBy, m.cardBaseMentions AS cardBaseMentions,
            """;

    /** Hub models due a check that declare no parent, never-checked first, then the most downloaded. */
    private static final String SUBJECTS = """
            MATCH (m:Model)
            WHERE %s AND %s
            WITH m ORDER BY m.inferenceCheckedAt IS NOT NULL, coalesce(m.downloads, 0) DESC, m.id
            LIMIT $limit
            """.formatted(ELIGIBLE, DUE) + FIELDS + " true AS eligible, true AS due";

    private static final String CANDIDATES = "MATCH (m:Model) WHERE m.hfId IS NOT NULL\n" + FIELDS
            + " (%s) AS eligible, %s AS due".formatted(ELIGIBLE, DUE);

    private final Graph graph;

    public InferenceReads(Graph graph) {
        this.graph = graph;
    }

    /** At most {@code limit} models due a check (new, or changed since their last) to infer a parent for. */
    public List<StoredHubModel> subjects(int limit) {
        return graph.read(tx -> tx.run(SUBJECTS, Map.of("limit", limit)).list(InferenceReads::model));
    }

    /**
     * Every stored Hub model, streamed: the candidates a run can judge without asking the Hub, each
     * marked whether inference may give it a parent ({@link StoredHubModel#eligible()}) and whether it is
     * due a check ({@link StoredHubModel#due()}).
     */
    public void candidates(Consumer<StoredHubModel> each) {
        graph.read(tx -> {
            tx.run(CANDIDATES).forEachRemaining(r -> each.accept(model(r)));
            return null;
        });
    }

    private static StoredHubModel model(Record r) {
        return new StoredHubModel(r.get("id").asString(), r.get("hfId").asString(), strings(r.get("aliases")),
                instant(r.get("createdAt")), string(r.get("modelType")), string(r.get("gguf")), number(r.get("parameters")),
                number(r.get("downloads")), string(r.get("library")), r.get("catalogued").asBoolean(), strings(r.get("formatTags")),
                number(r.get("likes")), strings(r.get("publishers")), string(r.get("cardCreator")), string(r.get("cardQuantizedBy")),
                strings(r.get("cardBaseMentions")), r.get("eligible").asBoolean(false), r.get("due").asBoolean(false));
    }
}
