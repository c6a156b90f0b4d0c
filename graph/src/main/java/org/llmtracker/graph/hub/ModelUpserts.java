package org.llmtracker.graph.hub;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.naming.Ids;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.inference.InferredLinks;
import org.llmtracker.graph.store.ModelKeys;

/**
 * The statements that merge Hub models and derivations into the graph, inside a transaction the
 * caller owns ({@link LineageWriter} gives each batch its own, {@link HubFamilies} runs them with
 * the rest of a family). A Hub id that the catalogue lists (as an alias) lands on the catalogue's
 * model, so crawled lineage and catalogued lineage form one graph.
 */
final class ModelUpserts {

    /** Rows per statement: large enough to amortise the call, small enough for a modest heap. */
    static final int ROWS = 5_000;

    /** The fields a Hub answer or list item sets on model {@code m}: what the Hub says wins, the catalogue's facts stay. */
    // A licence tag or card licence that changes marks the model for the licence verdicts (LicenseVerdicts).
    static final String MODEL_FIELDS = """
            FOREACH (_ IN CASE WHEN row.license IS NOT NULL AND coalesce(m.hfLicense, '') <> row.license
                                 OR row.cardLicenseName IS NOT NULL AND coalesce(m.cardLicenseName, '') <> row.cardLicenseName
                               THEN [1] ELSE [] END | SET m:LicenseStale, m.licenseMarkedAt = timestamp())
            SET m.hfId = coalesce(m.hfId, row.hfId),
                m.downloads = coalesce(row.downloads, m.downloads), m.likes = coalesce(row.likes, m.likes),
                m.pipelineTag = coalesce(row.pipelineTag, m.pipelineTag),
                m.libraryName = coalesce(row.libraryName, m.libraryName),
                m.parameters = coalesce(m.parameters, row.parameters),
                m.license = coalesce(m.license, row.license),
                m.hfLicense = coalesce(row.license, m.hfLicense),
                m.hfCreatedAt = coalesce(row.createdAt, m.hfCreatedAt),
                m.hfLastModified = coalesce(row.lastModified, m.hfLastModified),
                m.gated = coalesce(row.gated, m.gated),
                m.modelType = coalesce(row.modelType, m.modelType),
                m.ggufArchitecture = coalesce(row.ggufArchitecture, m.ggufArchitecture),
                m.cardCreator = CASE WHEN row.hasCard THEN row.cardCreator ELSE m.cardCreator END,
                m.cardQuantizedBy = CASE WHEN row.hasCard THEN row.cardQuantizedBy ELSE m.cardQuantizedBy END,
                m.cardBaseMentions = CASE WHEN row.hasCard THEN row.cardBaseMentions ELSE m.cardBaseMentions END,
                m.cardLicenseName = CASE WHEN row.hasCard THEN row.cardLicenseName ELSE m.cardLicenseName END,
                m.cardLicenseLink = CASE WHEN row.hasCard THEN row.cardLicenseLink ELSE m.cardLicenseLink END,
                m.updatedAt = $now
            """ + ModelKeys.set("m");

    /** A discovered model is published by its Hub author; a catalogued one keeps the catalogue's organisation. */
    static final String PUBLISHER = """
            WITH m, row
            WHERE row.authorKey IS NOT NULL AND NOT coalesce(m.catalogued, false)
            MERGE (o:Organisation {key: row.authorKey})
            ON CREATE SET o.name = row.author, o.aliases = [], o.updatedAt = $now
            MERGE (m)-[:PUBLISHED_BY]->(o)
            """;

    private static final String MODELS = """
            UNWIND $rows AS row
            OPTIONAL MATCH (:Alias {id: row.key})-[:ALIAS_OF]->(aliased:Model)
            WITH row, aliased
            FOREACH (_ IN CASE WHEN aliased IS NULL THEN [1] ELSE [] END |
              MERGE (n:Model {id: row.key})
              ON CREATE SET n.name = row.hfId, n.kind = 'model', n.catalogued = false, n.firstSeenAt = $now)
            WITH row, aliased
            OPTIONAL MATCH (own:Model {id: row.key})
            WITH row, coalesce(aliased, own) AS m
            """ + MODEL_FIELDS + PUBLISHER;

    /**
     * Links child {@code c} to parent {@code p} as {@code row} claims; the catalogue's relation and
     * stages win over the Hub's, which is kept beside them. Returns the children whose link is new
     * or now says something else (their ancestry rows need recomputing).
     */
    static final String LINK = """
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

    private static final String DERIVATIONS = """
            UNWIND $rows AS row
            OPTIONAL MATCH (:Alias {id: row.child})-[:ALIAS_OF]->(ca:Model)
            OPTIONAL MATCH (cm:Model {id: row.child})
            OPTIONAL MATCH (:Alias {id: row.parent})-[:ALIAS_OF]->(pa:Model)
            OPTIONAL MATCH (pm:Model {id: row.parent})
            WITH row, coalesce(ca, cm) AS c, coalesce(pa, pm) AS p
            WHERE c IS NOT NULL AND p IS NOT NULL
            """ + LINK;

    private ModelUpserts() {
    }

    /** Creates or updates the models (their organisations too). */
    static void models(TransactionContext tx, List<HubModel> models, Object now) {
        for (int from = 0; from < models.size(); from += ROWS) {
            List<Map<String, Object>> rows = models.subList(from, Math.min(from + ROWS, models.size())).stream()
                    .map(ModelUpserts::row).toList();
            tx.run(MODELS, Map.of("rows", rows, "now", now)).consume();
        }
    }

    /**
     * Records derivations between models that exist (an id that resolves to no model is skipped),
     * refreshes the {@link Ancestry} index for the children whose links changed, and lets the
     * children's inferred parents give way to the declarations ({@link InferredLinks}). A model
     * naming itself as its base (the Hub has some) is dropped here. Returns how many links were
     * written.
     */
    static int derivations(TransactionContext tx, List<Derivation> derivations, Object now) {
        List<Map<String, Object>> proper = derivations.stream()
                .filter(d -> !Ids.model(d.child()).equals(Ids.model(d.parent())))
                .map(d -> Map.<String, Object>of(
                        "child", Ids.model(d.child()), "parent", Ids.model(d.parent()),
                        "relation", d.relation().name(), "stages", d.stages().stream().map(Stage::name).toList(),
                        "source", d.source()))
                .toList();
        int written = 0;
        List<String> relinked = new ArrayList<>();
        List<String> children = new ArrayList<>();
        for (int from = 0; from < proper.size(); from += ROWS) {
            Record result = tx.run(DERIVATIONS, Map.of("rows", proper.subList(from, Math.min(from + ROWS, proper.size())),
                    "now", now)).single();
            written += result.get("written").asInt();
            relinked.addAll(result.get("relinked").asList(Value::asString));
            children.addAll(result.get("children").asList(Value::asString));
        }
        Ancestry.refresh(tx, relinked);
        InferredLinks.yieldToDeclared(tx, children);
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
        row.put("modelType", m.modelType());
        row.put("ggufArchitecture", m.ggufArchitecture());
        // The card fields a listing carried replace the stored ones (a card may drop a field); none leaves them.
        HubCard card = m.card();
        row.put("hasCard", card != null);
        row.put("cardCreator", card == null ? null : card.creator());
        row.put("cardQuantizedBy", card == null ? null : card.quantizedBy());
        row.put("cardBaseMentions", card == null || card.baseMentions().isEmpty() ? null : card.baseMentions());
        row.put("cardLicenseName", card == null ? null : card.licenseName());
        row.put("cardLicenseLink", card == null ? null : card.licenseLink());
        return row;
    }
}
