package org.llmtracker.graph.lineage;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Batched, idempotent writes of models found on the Hub and of the derivations between them.
 * A Hub id that the catalogue lists (as an alias) lands on the catalogue's model, so crawled
 * lineage and catalogued lineage form one graph.
 */
public final class LineageWriter {

    /** Rows per transaction: large enough to amortise the round trip, small enough for a modest heap. */
    public static final int BATCH = 5_000;

    private static final String UPSERT_MODELS = """
            UNWIND $rows AS row
            OPTIONAL MATCH (:Alias {id: row.key})-[:ALIAS_OF]->(aliased:Model)
            WITH row, aliased
            FOREACH (_ IN CASE WHEN aliased IS NULL THEN [1] ELSE [] END |
              MERGE (n:Model {id: row.key})
              ON CREATE SET n.name = row.hfId, n.kind = 'model', n.catalogued = false, n.firstSeenAt = $now)
            WITH row, aliased
            OPTIONAL MATCH (own:Model {id: row.key})
            WITH row, coalesce(aliased, own) AS m
            SET m.hfId = coalesce(m.hfId, row.hfId),
                m.downloads = coalesce(row.downloads, m.downloads), m.likes = coalesce(row.likes, m.likes),
                m.pipelineTag = coalesce(row.pipelineTag, m.pipelineTag),
                m.libraryName = coalesce(row.libraryName, m.libraryName),
                m.parameters = coalesce(m.parameters, row.parameters),
                m.license = coalesce(m.license, row.license),
                m.hfCreatedAt = coalesce(row.createdAt, m.hfCreatedAt),
                m.hfLastModified = coalesce(row.lastModified, m.hfLastModified),
                m.gated = coalesce(row.gated, m.gated),
                m.updatedAt = $now
            WITH m, row
            WHERE row.authorKey IS NOT NULL AND NOT coalesce(m.catalogued, false)
            MERGE (o:Organisation {key: row.authorKey})
            ON CREATE SET o.name = row.author, o.aliases = [], o.updatedAt = $now
            MERGE (m)-[:PUBLISHED_BY]->(o)
            """;

    private static final String UPSERT_DERIVATIONS = """
            UNWIND $rows AS row
            OPTIONAL MATCH (:Alias {id: row.child})-[:ALIAS_OF]->(ca:Model)
            OPTIONAL MATCH (cm:Model {id: row.child})
            OPTIONAL MATCH (:Alias {id: row.parent})-[:ALIAS_OF]->(pa:Model)
            OPTIONAL MATCH (pm:Model {id: row.parent})
            WITH row, coalesce(ca, cm) AS c, coalesce(pa, pm) AS p
            WHERE c IS NOT NULL AND p IS NOT NULL
            MERGE (c)-[d:DERIVED_FROM]->(p)
            ON CREATE SET d.sources = [], d.observedAt = $now
            WITH row, c, d, d.relation AS relation, d.stages AS stages
            SET d.relation = CASE WHEN 'catalog' IN d.sources THEN d.relation ELSE row.relation END,
                d.stages = CASE WHEN 'catalog' IN d.sources OR size(row.stages) = 0 THEN coalesce(d.stages, [])
                                ELSE row.stages END,
                d.hubRelation = row.relation,
                d.sources = CASE WHEN row.source IN d.sources THEN d.sources ELSE d.sources + row.source END
            RETURN count(d) AS written, collect(DISTINCT c.id) AS children,
                   collect(DISTINCT CASE WHEN relation IS NULL OR relation <> d.relation
                                              OR coalesce(stages, []) <> d.stages THEN c.id END) AS relinked
            """;

    private final Graph graph;

    public LineageWriter(Graph graph) {
        this.graph = graph;
    }

    /** Creates or updates models, in batches; returns how many were written. */
    public int upsertModels(List<HubModel> models, Instant now) {
        for (int from = 0; from < models.size(); from += BATCH) {
            List<Map<String, Object>> rows = models.subList(from, Math.min(from + BATCH, models.size())).stream()
                    .map(LineageWriter::row).toList();
            graph.write(tx -> tx.run(UPSERT_MODELS, Map.of("rows", rows, "now", dateTime(now))).consume());
        }
        return models.size();
    }

    /**
     * The same result as {@link #upsertModels}, faster when most models are new (a first crawl,
     * a bulk import): unknown ids are created in large batches without per-row merges. Safe to
     * re-run and to run beside other writers; returns how many were written.
     */
    public int upsertModelsInBulk(List<HubModel> models, Instant now) {
        return new FreshModels(graph, this).write(models, now);
    }

    /**
     * Records derivations between models that exist; a derivation naming an unknown model is
     * skipped (its model is written first by the caller). Self-references are dropped here:
     * the Hub has models naming themselves as their base. The {@link Ancestry} index follows in
     * the same transaction, and so do inferred parents of these children, which give way to a
     * declaration ({@link InferredLinks}). Returns how many were written.
     */
    public int upsertDerivations(List<Derivation> derivations, Instant now) {
        List<Derivation> proper = derivations.stream()
                .filter(d -> !Ids.model(d.child()).equals(Ids.model(d.parent())))
                .toList();
        int written = 0;
        for (int from = 0; from < proper.size(); from += BATCH) {
            List<Map<String, Object>> rows = proper.subList(from, Math.min(from + BATCH, proper.size())).stream()
                    .map(d -> Map.<String, Object>of(
                            "child", Ids.model(d.child()), "parent", Ids.model(d.parent()),
                            "relation", d.relation().name(), "stages", d.stages().stream().map(Stage::name).toList(),
                            "source", d.source()))
                    .toList();
            written += graph.write(tx -> {
                Record result = tx.run(UPSERT_DERIVATIONS, Map.of("rows", rows, "now", dateTime(now))).single();
                Ancestry.refresh(tx, result.get("relinked").asList(Value::asString));
                InferredLinks.yieldToDeclared(tx, result.get("children").asList(Value::asString));
                return result.get("written").asInt();
            });
        }
        return written;
    }

    static Map<String, Object> row(HubModel m) {
        Map<String, Object> row = new HashMap<>();
        row.put("key", Ids.model(m.hfId()));
        row.put("hfId", m.hfId());
        row.put("author", m.author());
        row.put("authorKey", m.author() == null || m.author().isBlank() ? null : Ids.organisation(m.author()));
        row.put("downloads", m.downloads());
        row.put("likes", m.likes());
        row.put("pipelineTag", m.pipelineTag());
        row.put("libraryName", m.libraryName());
        row.put("parameters", m.parameters());
        row.put("license", m.license());
        row.put("createdAt", dateTime(m.createdAt()));
        row.put("lastModified", dateTime(m.lastModified()));
        row.put("gated", m.gated());
        return row;
    }
}
