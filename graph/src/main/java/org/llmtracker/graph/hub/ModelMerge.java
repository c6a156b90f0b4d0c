package org.llmtracker.graph.hub;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmtracker.graph.store.ModelKeys;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Folds a model stored under a Hub id into the model that id turns out to name. The whole-Hub
 * sweep stores every listed id as a model of its own; when the catalogue later lists that id for
 * one of its entries, the id becomes the entry's alias, and the model stored under it must not
 * live on beside the entry. Its Hub figures, links (either way), version links, snapshots,
 * aliases, repositories and articles move to the entry; its publisher goes when the entry has
 * the catalogue's; the node goes. Links either way that already exist are joined (their sources
 * united), never doubled. The {@link Ancestry} index is the caller's to refresh with the ids
 * returned, in the same transaction.
 */
public final class ModelMerge {

    /** Pairs whose {@code gone} is a model of its own, not catalogued, and not {@code keep}. */
    private static final String PAIRS = """
            UNWIND $rows AS row
            MATCH (keep:Model {id: row.keep}), (gone:Model {id: row.gone})
            WHERE keep <> gone AND NOT coalesce(gone.catalogued, false)
            RETURN keep.id AS keep, gone.id AS gone
            """;

    private static final String MATCH = """
            UNWIND $rows AS row
            MATCH (keep:Model {id: row.keep}), (gone:Model {id: row.gone})
            """;

    // The Hub's figures from whichever node the Hub was asked about last; the entry's own facts stay.
    private static final String FIGURES = MATCH + """
            WITH keep, gone, coalesce(gone.hfCheckedAt, datetime('1970-01-01T00:00:00Z'))
                             > coalesce(keep.hfCheckedAt, datetime('1970-01-01T00:00:00Z')) AS newer
            SET keep.hfId = coalesce(keep.hfId, gone.hfId),
                keep.downloads = CASE WHEN newer THEN coalesce(gone.downloads, keep.downloads) ELSE coalesce(keep.downloads, gone.downloads) END,
                keep.likes = CASE WHEN newer THEN coalesce(gone.likes, keep.likes) ELSE coalesce(keep.likes, gone.likes) END,
                keep.pipelineTag = CASE WHEN newer THEN coalesce(gone.pipelineTag, keep.pipelineTag) ELSE coalesce(keep.pipelineTag, gone.pipelineTag) END,
                keep.libraryName = CASE WHEN newer THEN coalesce(gone.libraryName, keep.libraryName) ELSE coalesce(keep.libraryName, gone.libraryName) END,
                keep.hfCreatedAt = coalesce(keep.hfCreatedAt, gone.hfCreatedAt),
                keep.hfLastModified = CASE WHEN newer THEN coalesce(gone.hfLastModified, keep.hfLastModified) ELSE coalesce(keep.hfLastModified, gone.hfLastModified) END,
                keep.gated = CASE WHEN newer THEN coalesce(gone.gated, keep.gated) ELSE coalesce(keep.gated, gone.gated) END,
                keep.hfStatus = CASE WHEN newer THEN coalesce(gone.hfStatus, keep.hfStatus) ELSE coalesce(keep.hfStatus, gone.hfStatus) END,
                keep.hfCheckedAt = CASE WHEN newer THEN gone.hfCheckedAt ELSE keep.hfCheckedAt END,
                keep.hfListedAt = CASE WHEN keep.hfListedAt IS NULL OR gone.hfListedAt > keep.hfListedAt THEN gone.hfListedAt
                                       ELSE keep.hfListedAt END,
                keep.parameters = coalesce(keep.parameters, gone.parameters),
                keep.license = coalesce(keep.license, gone.license),
                keep.hfLicense = coalesce(keep.hfLicense, gone.hfLicense),
                keep.firstSeenAt = CASE WHEN keep.firstSeenAt IS NULL OR gone.firstSeenAt < keep.firstSeenAt THEN gone.firstSeenAt
                                        ELSE keep.firstSeenAt END
            """ + ModelKeys.set("keep");

    /** Joins link {@code d} into {@code k}: a new one copies it, an existing one gains its sources. */
    private static final String JOIN = """
            ON CREATE SET k = properties(d)
            ON MATCH SET k.sources = coalesce(k.sources, []) + [s IN coalesce(d.sources, []) WHERE NOT s IN coalesce(k.sources, [])],
                         k.hubRelation = coalesce(k.hubRelation, d.hubRelation)
            DELETE d
            """;

    private static final String PARENTS = MATCH + """
            MATCH (gone)-[d:DERIVED_FROM]->(p:Model) WHERE p <> keep
            MERGE (keep)-[k:DERIVED_FROM]->(p)
            """ + JOIN;

    private static final String CHILDREN = MATCH + """
            MATCH (c:Model)-[d:DERIVED_FROM]->(gone) WHERE c <> keep
            MERGE (c)-[k:DERIVED_FROM]->(keep)
            """ + JOIN + """
            RETURN collect(DISTINCT c.id) AS relinked
            """;

    private static final String NEWER = MATCH + """
            MATCH (n:Model)-[d:NEW_VERSION_OF]->(gone) WHERE n <> keep
            MERGE (n)-[k:NEW_VERSION_OF]->(keep)
            """ + JOIN;

    private static final String OLDER = MATCH + """
            MATCH (gone)-[d:NEW_VERSION_OF]->(o:Model) WHERE o <> keep
            MERGE (keep)-[k:NEW_VERSION_OF]->(o)
            """ + JOIN;

    private static final List<String> MOVES = List.of(
            MATCH + "MATCH (gone)-[h:HAD]->(s) CREATE (keep)-[:HAD]->(s) DELETE h",
            MATCH + "MATCH (a:Alias)-[r:ALIAS_OF]->(gone) MERGE (a)-[:ALIAS_OF]->(keep) DELETE r",
            MATCH + "MATCH (gone)-[r:HOSTED_AT]->(x) MERGE (keep)-[:HOSTED_AT]->(x) DELETE r",
            MATCH + "MATCH (gone)-[r:DESCRIBED_IN]->(x) MERGE (keep)-[:DESCRIBED_IN]->(x) DELETE r",
            MATCH + """
                    WITH keep, gone WHERE NOT coalesce(keep.catalogued, false)
                    MATCH (gone)-[r:PUBLISHED_BY]->(o) MERGE (keep)-[:PUBLISHED_BY]->(o) DELETE r""",
            MATCH + "DETACH DELETE gone");

    private ModelMerge() {
    }

    /**
     * Folds each {@code gone} model into its {@code keep} model, where both exist, differ and
     * {@code gone} is not catalogued; returns the models whose ancestry must be refreshed.
     *
     * @param pairs rows of {@code keep} and {@code gone} model ids (normalised)
     */
    public static Set<String> absorb(TransactionContext tx, List<Map<String, String>> pairs) {
        if (pairs.isEmpty()) {
            return Set.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        tx.run(PAIRS, Map.of("rows", pairs)).forEachRemaining(r -> rows.add(Map.of("keep", r.get("keep").asString(),
                "gone", r.get("gone").asString())));
        Set<String> relinked = new LinkedHashSet<>();
        if (rows.isEmpty()) {
            return relinked;
        }
        Map<String, Object> params = Map.of("rows", rows);
        tx.run(FIGURES, params).consume();
        tx.run(PARENTS, params).consume();
        relinked.addAll(tx.run(CHILDREN, params).single().get("relinked").asList(Value::asString));
        tx.run(NEWER, params).consume();
        tx.run(OLDER, params).consume();
        for (String move : MOVES) {
            tx.run(move, params).consume();
        }
        rows.forEach(r -> relinked.add((String) r.get("keep")));
        return relinked;
    }
}
