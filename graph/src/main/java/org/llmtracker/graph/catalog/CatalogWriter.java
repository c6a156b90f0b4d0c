package org.llmtracker.graph.catalog;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmtracker.graph.ancestry.LineageCycleException;
import org.llmtracker.graph.ancestry.LineageCycles;
import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.store.Graph;

/**
 * Writes catalogue entries into the graph. Entries arrive validated (see the crawler's
 * catalogue loader); anything odd here is a programmer error.
 *
 * <p>Entries come from two places: the catalogue file, loaded at every start, and
 * {@code PUT /api/catalog/{id}}. Each model remembers the fingerprint of the file entry it
 * was last loaded from, so a restart skips entries the file did not change and an edit made
 * through the API survives restarts until the file's own entry changes. The rows an entry
 * becomes (and back) are {@link CatalogRows}; the statements that write them, {@link CatalogUpsert}.
 */
public final class CatalogWriter {

    static final String ORIGIN_FILE = "file";
    static final String ORIGIN_API = "api";

    private static final String UNCHANGED_IDS = """
            UNWIND $rows AS row
            MATCH (m:Model {id: row.id})
            WHERE m.catalogued AND m.catalogFileHash = row.hash
            RETURN m.id AS id
            """;

    /**
     * The catalogue's models the file no longer names. A bare {@code m.catalogued} cannot seek the
     * index, and the planner read every model instead: 15.7 s of each start at 1M models, inside
     * the write transaction that loads the file. The hint is there because a boolean index looks
     * like it holds half the models.
     */
    static final String MARK_REMOVED = """
            MATCH (m:Model) USING INDEX SEEK m:Model(catalogued)
            WHERE m.catalogued = true AND m.catalogOrigin = 'file' AND NOT m.id IN $ids
            SET m.catalogued = false, m.removedFromCatalogAt = $now, m.updatedAt = $now
            RETURN m.id AS id
            """;

    private static final String FIND = """
            MATCH (m:Model {id: $id})
            WHERE m.catalogued
            OPTIONAL MATCH (m)-[d:DERIVED_FROM]->(p:Model)
            WHERE 'catalog' IN d.sources
            WITH m, p, d ORDER BY p.id
            RETURN m {.*} AS m, collect(CASE WHEN p IS NULL THEN null
                    ELSE {id: p.id, relation: d.catalogRelation, stages: d.catalogStages} END) AS bases,
                   [(m)-[v:NEW_VERSION_OF]->(e:Model) WHERE 'catalog' IN v.sources | e.id][0] AS newVersionOf
            """;

    private final Graph graph;

    public CatalogWriter(Graph graph) {
        this.graph = graph;
    }

    /**
     * Applies the whole catalogue file in one transaction: new and changed entries are written,
     * unchanged ones skipped, and entries no longer in the file are kept but marked removed.
     */
    public LoadSummary applyFile(List<CatalogEntry> entries, Instant now) {
        List<Map<String, Object>> rows = entries.stream().map(e -> CatalogRows.row(e, ORIGIN_FILE)).toList();
        List<String> ids = rows.stream().map(r -> (String) r.get("id")).toList();
        return graph.write(tx -> {
            List<String> unchanged = tx.run(UNCHANGED_IDS, Map.of("rows", rows)).list(r -> r.get("id").asString());
            List<Map<String, Object>> changed = rows.stream().filter(r -> !unchanged.contains(r.get("id"))).toList();
            CatalogUpsert.run(tx, changed, now);
            List<String> removed = tx.run(MARK_REMOVED, Map.of("ids", ids, "now", dateTime(now)))
                    .list(r -> r.get("id").asString());
            return new LoadSummary(entries.size(), changed.size(), unchanged.size(), removed);
        });
    }

    /**
     * Adds or replaces one entry, as an edit made through the API. Its base models must exist.
     *
     * @throws LineageCycleException when a base already derives from the entry; nothing is written
     */
    public void put(CatalogEntry entry, Instant now) {
        Map<String, Object> row = CatalogRows.row(entry, ORIGIN_API);
        graph.write(tx -> {
            for (BaseModelRef base : entry.baseModels()) {
                LineageCycles.refuseClosing(tx, Ids.model(entry.id()), Ids.model(base.id()));
            }
            CatalogUpsert.run(tx, List.of(row), now);
            return null;
        });
    }

    public Optional<CatalogEntry> find(String id) {
        return graph.read(tx -> tx.run(FIND, Map.of("id", Ids.model(id))).stream().findFirst().map(CatalogRows::entry));
    }

    /** What one load of the catalogue file did. */
    public record LoadSummary(int entries, int written, int unchanged, List<String> markedRemoved) {
    }
}
