package org.llmtracker.graph.inference;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.llmtracker.graph.ancestry.Ancestry;

/**
 * Inferred parents, stored apart from declarations: a {@code DERIVED_FROM} with
 * {@code sources: ['inferred']}, {@code confidence} and {@code evidence}. A declaration always
 * wins: a model with a declared parent (catalogue, card, tag) or a catalogue entry keeps no
 * inferred link, and what was inferred for it stays on the model ({@code inferredParent},
 * {@code inferredConfidence}) so a disagreement shows in {@link LineageConflicts}. Every write
 * refreshes the {@link Ancestry} index in its transaction.
 */
public final class InferredLinks {

    public static final String SOURCE = "inferred";

    /** A link some writer other than inference asserts. */
    static final String DECLARED = "any(s IN k.sources WHERE s <> 'inferred')";

    private static final String CHECKED = """
            UNWIND $rows AS row
            MATCH (c:Model {id: row.child})
            SET c.inferenceCheckedAt = $now
            """;

    private static final String TRAITS = """
            UNWIND $rows AS row
            OPTIONAL MATCH (:Alias {id: row.id})-[:ALIAS_OF]->(a:Model)
            OPTIONAL MATCH (own:Model {id: row.id})
            WITH row, coalesce(a, own) AS m
            WHERE m IS NOT NULL
            SET m.modelType = coalesce(row.modelType, m.modelType),
                m.ggufArchitecture = coalesce(row.gguf, m.ggufArchitecture),
                m.parameters = coalesce(m.parameters, row.parameters),
                m.formatTags = row.formatTags
            """;

    /** A parent named by an alias (a catalogue's Hub id, a rename) is the model the alias points to. */
    private static final String RESOLVE = """
            UNWIND $ids AS id
            MATCH (:Alias {id: id})-[:ALIAS_OF]->(m:Model)
            RETURN id, m.id AS model
            """;

    /** Inferred links that are no longer this run's answer: another parent now, or none. */
    private static final String CLEAR = """
            UNWIND $rows AS row
            MATCH (c:Model {id: row.child})-[old:DERIVED_FROM]->(q:Model)
            WHERE old.sources = ['inferred'] AND (row.parent IS NULL OR q.id <> row.parent)
            DELETE old
            RETURN collect(DISTINCT c.id) AS changed
            """;

    /**
     * Links for models that still declare nothing, to parents that do not descend from them (a
     * link that would close a cycle is refused and reported).
     */
    private static final String WRITE = """
            UNWIND $rows AS row
            MATCH (c:Model {id: row.child})
            WHERE row.parent IS NOT NULL AND NOT coalesce(c.catalogued, false)
              AND NOT EXISTS { (c)-[k:DERIVED_FROM]->() WHERE %s }
            MATCH (p:Model {id: row.parent})
            WITH row, c, p, (p = c OR EXISTS { (p)-[:DESCENDS_FROM]->(c) }) AS cycle
            CALL (row, c, p, cycle) {
              WITH * WHERE NOT cycle
              MERGE (c)-[d:DERIVED_FROM]->(p)
              ON CREATE SET d.sources = ['inferred'], d.observedAt = $now, d.stages = []
              WITH d, d.relation AS before
              SET d.relation = row.relation, d.confidence = row.confidence, d.evidence = row.evidence, d.inferredAt = $now
              RETURN before IS NULL OR before <> row.relation AS relinked
              UNION
              WITH * WHERE cycle
              RETURN null AS relinked
            }
            RETURN c.id AS child, p.id AS parent, cycle, relinked
            """.formatted(DECLARED);

    private static final String PRUNE = """
            MATCH (c:Model)-[d:DERIVED_FROM]->(:Model)
            WHERE d.sources = ['inferred'] AND (d.confidence < $min OR (NOT $fineTunes AND d.relation = 'FINETUNE'))
            DELETE d
            RETURN collect(DISTINCT c.id) AS changed
            """;

    /** Inferred links of models that now declare a parent or are catalogued; the models keep what was inferred. */
    private static final String YIELD = """
            UNWIND $ids AS id
            MATCH (c:Model {id: id})-[d:DERIVED_FROM]->(p:Model)
            WHERE 'inferred' IN d.sources
              AND (coalesce(c.catalogued, false) OR size(d.sources) > 1 OR EXISTS { (c)-[k:DERIVED_FROM]->() WHERE %s })
            SET c.inferredParent = p.id, c.inferredRelation = d.relation, c.inferredConfidence = d.confidence,
                c.inferredEvidence = d.evidence
            WITH c, d, size(d.sources) > 1 AS declaredToo
            FOREACH (_ IN CASE WHEN declaredToo THEN [1] ELSE [] END |
              SET d.sources = [s IN d.sources WHERE s <> 'inferred'] REMOVE d.confidence, d.evidence, d.inferredAt)
            FOREACH (_ IN CASE WHEN declaredToo THEN [] ELSE [1] END | DELETE d)
            RETURN collect(DISTINCT c.id) AS changed
            """.formatted(DECLARED);

    private static final String WITH_INFERRED = """
            MATCH (c:Model)-[d:DERIVED_FROM]->()
            WHERE 'inferred' IN d.sources
            RETURN collect(DISTINCT c.id) AS ids
            """;

    private final Graph graph;

    public InferredLinks(Graph graph) {
        this.graph = graph;
    }

    /** What one run decided for a model it checked: a link, or (null) none. */
    public record Decision(String child, InferredLink link) {
    }

    /** What a write did: links written, and links refused because they would close a cycle (child -> parent). */
    public record Written(int written, List<String> refused) {
    }

    /**
     * Stores one run's decisions: each checked model's inferred link is replaced by its new one (or
     * removed when there is none now). Idempotent: the same decisions again change nothing but times.
     */
    public Written record(List<Decision> decisions, Instant now) {
        List<Map<String, Object>> named = decisions.stream().map(InferredLinks::row).toList();
        if (named.isEmpty()) {
            return new Written(0, List.of());
        }
        return graph.write(tx -> {
            List<String> parents = named.stream().map(r -> (String) r.get("parent")).filter(p -> p != null).distinct().toList();
            Map<String, String> aliases = new HashMap<>();
            tx.run(RESOLVE, Map.of("ids", parents)).forEachRemaining(r -> aliases.put(r.get("id").asString(), r.get("model").asString()));
            List<Map<String, Object>> rows = named.stream().map(r -> {
                Map<String, Object> resolved = new HashMap<>(r);
                resolved.computeIfPresent("parent", (k, v) -> aliases.getOrDefault((String) v, (String) v));
                return resolved;
            }).toList();
            tx.run(CHECKED, Map.of("rows", rows, "now", dateTime(now))).consume();
            Set<String> changed = new LinkedHashSet<>(tx.run(CLEAR, Map.of("rows", rows)).single().get("changed")
                    .asList(Value::asString));
            int written = 0;
            List<String> refused = new ArrayList<>();
            for (var r : tx.run(WRITE, Map.of("rows", rows, "now", dateTime(now))).list()) {
                if (r.get("cycle").asBoolean()) {
                    refused.add(r.get("child").asString() + " -> " + r.get("parent").asString());
                    continue;
                }
                written++;
                if (r.get("relinked").asBoolean()) {
                    changed.add(r.get("child").asString());
                }
            }
            Ancestry.refresh(tx, changed);
            return new Written(written, refused);
        });
    }

    /** Keeps what the Hub said of these models' weights (see {@link ModelTraits}). */
    public void describe(List<ModelTraits> traits) {
        if (traits.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = traits.stream().map(t -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", Ids.model(t.id()));
            row.put("modelType", t.modelType());
            row.put("gguf", t.ggufArchitecture());
            row.put("parameters", t.parameters());
            row.put("formatTags", t.formatTags());
            return row;
        }).toList();
        graph.write(tx -> tx.run(TRAITS, Map.of("rows", rows)).consume());
    }

    /** Removes inferred links the settings no longer keep (a raised threshold, fine-tunes turned off); returns how many models lost one. */
    public int prune(double minConfidence, boolean fineTunes) {
        return graph.write(tx -> {
            List<String> changed = tx.run(PRUNE, Map.of("min", minConfidence, "fineTunes", fineTunes)).single().get("changed")
                    .asList(Value::asString);
            Ancestry.refresh(tx, changed);
            return changed.size();
        });
    }

    /** Makes every inferred link give way where a declaration now stands; returns how many models changed. */
    public int yieldToDeclarations() {
        return graph.write(tx -> {
            List<String> ids = tx.run(WITH_INFERRED).single().get("ids").asList(Value::asString);
            return yieldToDeclared(tx, ids).size();
        });
    }

    /**
     * For writers of declarations, in their own transaction: the given models' inferred links give
     * way to what they now declare. Returns the models whose links changed (the ancestry index of
     * those is refreshed here).
     */
    public static List<String> yieldToDeclared(TransactionContext tx, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> changed = tx.run(YIELD, Map.of("ids", ids)).single().get("changed").asList(Value::asString);
        Ancestry.refresh(tx, changed);
        return changed;
    }

    private static Map<String, Object> row(Decision d) {
        Map<String, Object> row = new HashMap<>();
        row.put("child", Ids.model(d.child()));
        InferredLink link = d.link();
        row.put("parent", link == null ? null : Ids.model(link.parent()));
        row.put("relation", link == null ? null : link.relation().name());
        row.put("confidence", link == null ? null : link.confidence());
        row.put("evidence", link == null ? List.of() : link.evidence());
        return row;
    }
}
