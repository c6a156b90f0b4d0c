package org.llmtracker.graph.catalog;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.hub.ModelMerge;
import org.llmtracker.graph.ancestry.LineageCycleException;
import org.llmtracker.graph.ancestry.LineageCycles;
import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.naming.ParameterLabel;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Writes catalogue entries into the graph. Entries arrive validated (see the crawler's
 * catalogue loader); anything odd here is a programmer error.
 *
 * <p>Entries come from two places: the catalogue file, loaded at every start, and
 * {@code PUT /api/catalog/{id}}. Each model remembers the fingerprint of the file entry it
 * was last loaded from, so a restart skips entries the file did not change and an edit made
 * through the API survives restarts until the file's own entry changes.
 */
public final class CatalogWriter {

    static final String ORIGIN_FILE = "file";
    static final String ORIGIN_API = "api";
    static final String SOURCE = "catalog";

    private static final String UNCHANGED_IDS = """
            UNWIND $rows AS row
            MATCH (m:Model {id: row.id})
            WHERE m.catalogued AND m.catalogFileHash = row.hash
            RETURN m.id AS id
            """;

    private static final String UPSERT_MODELS = """
            UNWIND $rows AS row
            MERGE (m:Model {id: row.id})
            ON CREATE SET m.firstSeenAt = $now
            FOREACH (_ IN CASE WHEN coalesce(m.license, '') <> coalesce(row.license, '') THEN [1] ELSE [] END |
                     SET m:LicenseStale)
            SET m.name = row.name, m.kind = row.kind, m.parameters = row.parameters,
                m.parameterLabel = row.parameterLabel, m.openSource = row.openSource,
                m.license = row.license, m.region = row.region, m.releasedAt = row.releasedAt,
                m.description = row.description, m.links = row.links,
                m.githubRepositories = row.githubRepositories, m.huggingfaceIds = row.huggingfaceIds,
                m.organisationName = row.organisation,
                m.hfId = coalesce(row.hfId, m.hfId),
                m.catalogued = true, m.catalogOrigin = row.origin,
                m.catalogFileHash = CASE WHEN row.origin = 'file' THEN row.hash ELSE m.catalogFileHash END,
                m.removedFromCatalogAt = null, m.updatedAt = $now
            """;

    private static final String LINK_ORGANISATIONS = """
            UNWIND $rows AS row
            MATCH (m:Model {id: row.id})
            OPTIONAL MATCH (m)-[old:PUBLISHED_BY]->(o:Organisation)
            WHERE row.organisationKey IS NULL OR o.key <> row.organisationKey
            DELETE old
            WITH DISTINCT m, row
            WHERE row.organisationKey IS NOT NULL
            MERGE (o:Organisation {key: row.organisationKey})
            ON CREATE SET o.name = row.organisation, o.aliases = [], o.updatedAt = $now
            MERGE (m)-[:PUBLISHED_BY]->(o)
            """;

    private static final String LINK_REPOSITORIES = """
            UNWIND $rows AS row
            MATCH (m:Model {id: row.id})
            OPTIONAL MATCH (m)-[old:HOSTED_AT]->(r:Repository)
            WHERE NOT r.fullName IN [repo IN row.repositories | repo.key]
            DELETE old
            WITH DISTINCT m, row
            UNWIND row.repositories AS repo
            MERGE (r:Repository {fullName: repo.key})
            ON CREATE SET r.name = repo.name, r.url = 'https://github.com/' + repo.name,
                          r.aliases = [], r.updatedAt = $now
            MERGE (m)-[:HOSTED_AT]->(r)
            """;

    private static final String LINK_ALIASES = """
            UNWIND $rows AS row
            MATCH (m:Model {id: row.id})
            OPTIONAL MATCH (old:Alias {source: 'catalog'})-[:ALIAS_OF]->(m)
            WHERE NOT old.id IN row.aliases
            DETACH DELETE old
            WITH DISTINCT m, row
            UNWIND row.aliases AS alias
            MERGE (a:Alias {id: alias})
            SET a.source = 'catalog'
            WITH m, a
            OPTIONAL MATCH (a)-[stale:ALIAS_OF]->(other:Model)
            WHERE other <> m
            DELETE stale
            MERGE (a)-[:ALIAS_OF]->(m)
            """;

    private static final String RETRACT_EDGES = """
            UNWIND $rows AS row
            MATCH (m:Model {id: row.id})-[d:DERIVED_FROM]->(p:Model)
            WHERE 'catalog' IN d.sources AND NOT p.id IN [b IN row.bases | b.id]
            SET d.sources = [s IN d.sources WHERE s <> 'catalog'],
                d.catalogRelation = null, d.catalogStages = null
            WITH m, d
            FOREACH (_ IN CASE WHEN size(d.sources) = 0 THEN [1] ELSE [] END | DELETE d)
            RETURN DISTINCT m.id AS id
            """;

    private static final String ASSERT_EDGES = """
            UNWIND $rows AS row
            UNWIND row.bases AS base
            MATCH (c:Model {id: row.id}), (p:Model {id: base.id})
            MERGE (c)-[d:DERIVED_FROM]->(p)
            ON CREATE SET d.sources = []
            WITH c, d, base, d.relation AS relation, d.stages AS stages
            SET d.relation = base.relation, d.stages = base.stages,
                d.catalogRelation = base.relation, d.catalogStages = base.stages,
                d.sources = CASE WHEN 'catalog' IN d.sources THEN d.sources ELSE d.sources + 'catalog' END,
                d.observedAt = coalesce(d.observedAt, $now)
            WITH c, d, relation, stages
            WHERE relation IS NULL OR relation <> d.relation OR coalesce(stages, []) <> d.stages
            RETURN DISTINCT c.id AS id
            """;

    /**
     * The catalogue's version link: the entry is the next release of another (Llama 2 of LLaMA).
     * A generation is not a derivation, so it is no {@code DERIVED_FROM} and no part of the ancestry.
     */
    private static final String VERSIONS = """
            UNWIND $rows AS row
            MATCH (m:Model {id: row.id})
            OPTIONAL MATCH (m)-[old:NEW_VERSION_OF]->(o:Model)
            WHERE 'catalog' IN old.sources AND o.id <> coalesce(row.newVersionOf, '')
            SET old.sources = [s IN old.sources WHERE s <> 'catalog']
            WITH m, row, old
            FOREACH (_ IN CASE WHEN old IS NOT NULL AND size(old.sources) = 0 THEN [1] ELSE [] END | DELETE old)
            WITH DISTINCT m, row
            WHERE row.newVersionOf IS NOT NULL
            MATCH (earlier:Model {id: row.newVersionOf})
            MERGE (m)-[v:NEW_VERSION_OF]->(earlier)
            ON CREATE SET v.sources = [], v.observedAt = $now
            SET v.sources = CASE WHEN 'catalog' IN v.sources THEN v.sources ELSE v.sources + 'catalog' END
            """;

    private static final String MARK_REMOVED = """
            MATCH (m:Model)
            WHERE m.catalogued AND m.catalogOrigin = 'file' AND NOT m.id IN $ids
            SET m.catalogued = false, m.removedFromCatalogAt = $now, m.updatedAt = $now
            RETURN m.id AS id
            """;

    private static final String FIND = """
            MATCH (m:Model {id: $id})
            WHERE m.catalogued
            OPTIONAL MATCH (m)-[d:DERIVED_FROM]->(p:Model)
            WHERE 'catalog' IN d.sources
            WITH m, p, d ORDER BY p.id
            RETURN m, collect(CASE WHEN p IS NULL THEN null
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
        List<Map<String, Object>> rows = entries.stream().map(e -> row(e, ORIGIN_FILE)).toList();
        List<String> ids = rows.stream().map(r -> (String) r.get("id")).toList();
        return graph.write(tx -> {
            List<String> unchanged = tx.run(UNCHANGED_IDS, Map.of("rows", rows)).list(r -> r.get("id").asString());
            List<Map<String, Object>> changed = rows.stream().filter(r -> !unchanged.contains(r.get("id"))).toList();
            upsert(tx, changed, now);
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
        Map<String, Object> row = row(entry, ORIGIN_API);
        graph.write(tx -> {
            for (BaseModelRef base : entry.baseModels()) {
                LineageCycles.refuseClosing(tx, Ids.model(entry.id()), Ids.model(base.id()));
            }
            upsert(tx, List.of(row), now);
            return null;
        });
    }

    public Optional<CatalogEntry> find(String id) {
        return graph.read(tx -> tx.run(FIND, Map.of("id", Ids.model(id))).stream().findFirst().map(CatalogWriter::entry));
    }

    private static void upsert(TransactionContext tx, List<Map<String, Object>> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Object> params = Map.of("rows", rows, "now", dateTime(now));
        tx.run(UPSERT_MODELS, params).consume();
        // A Hub id the entry now lists may already be a model of its own (the sweep stores every listed id): fold it in.
        Set<String> relinked = new HashSet<>(ModelMerge.absorb(tx, aliasClaims(rows)));
        for (String statement : List.of(LINK_ORGANISATIONS, LINK_REPOSITORIES, LINK_ALIASES, VERSIONS)) {
            tx.run(statement, params).consume();
        }
        for (String statement : List.of(RETRACT_EDGES, ASSERT_EDGES)) {
            tx.run(statement, params).forEachRemaining(r -> relinked.add(r.get("id").asString()));
        }
        Ancestry.refresh(tx, relinked);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> aliasClaims(List<Map<String, Object>> rows) {
        List<Map<String, String>> claims = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            for (String alias : (List<String>) row.get("aliases")) {
                claims.add(Map.of("keep", (String) row.get("id"), "gone", alias));
            }
        }
        return claims;
    }

    private static Map<String, Object> row(CatalogEntry e, String origin) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", Ids.model(e.id()));
        row.put("name", e.name());
        row.put("kind", e.kind());
        row.put("organisation", e.organisation());
        row.put("organisationKey", e.organisation() == null ? null : Ids.organisation(e.organisation()));
        row.put("region", e.region());
        row.put("parameterLabel", e.parameters());
        row.put("parameters", e.parameters() == null ? null : ParameterLabel.largest(e.parameters()));
        row.put("openSource", e.openSource());
        row.put("releasedAt", e.releasedAt());
        row.put("license", e.license());
        row.put("description", e.description());
        row.put("links", e.links());
        row.put("githubRepositories", e.githubRepositories());
        row.put("huggingfaceIds", e.huggingfaceIds());
        row.put("hfId", e.huggingfaceIds().isEmpty() ? null : e.huggingfaceIds().get(0));
        row.put("aliases", e.huggingfaceIds().stream().map(Ids::model).distinct().toList());
        row.put("repositories", e.githubRepositories().stream()
                .map(name -> Map.of("key", Ids.repository(name), "name", name.trim())).toList());
        row.put("bases", e.baseModels().stream().map(b -> Map.of(
                "id", Ids.model(b.id()),
                "relation", b.relation().name(),
                "stages", b.stages().stream().map(Stage::name).toList())).toList());
        row.put("newVersionOf", e.newVersionOf() == null ? null : Ids.model(e.newVersionOf()));
        row.put("origin", origin);
        row.put("hash", fingerprint(e));
        return row;
    }

    private static CatalogEntry entry(Record record) {
        Value m = record.get("m");
        List<BaseModelRef> bases = new ArrayList<>();
        for (Value b : record.get("bases").values()) {
            if (b.isNull()) {
                continue;
            }
            List<Stage> stages = b.get("stages").isNull() ? List.of()
                    : b.get("stages").asList(v -> Stage.valueOf(v.asString()));
            bases.add(new BaseModelRef(b.get("id").asString(),
                    Relation.parse(b.get("relation").asString(null)).orElse(Relation.UNKNOWN), stages));
        }
        return new CatalogEntry(
                m.get("id").asString(),
                m.get("name").asString(null),
                m.get("kind").asString(null),
                m.get("organisationName").asString(null),
                m.get("region").asString(null),
                m.get("parameterLabel").asString(null),
                m.get("openSource").isNull() ? null : m.get("openSource").asBoolean(),
                m.get("releasedAt").asString(null),
                m.get("license").asString(null),
                m.get("description").asString(null),
                strings(m.get("githubRepositories")),
                strings(m.get("huggingfaceIds")),
                bases,
                strings(m.get("links")),
                record.get("newVersionOf").asString(null));
    }

    private static List<String> strings(Value value) {
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }

    /** A stable digest of everything an entry says, independent of JVM and map order. */
    static String fingerprint(CatalogEntry e) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {e.id(), e.name(), e.kind(), e.organisation(), e.region(), e.parameters(),
                e.openSource(), e.releasedAt(), e.license(), e.description(), e.githubRepositories(),
                e.huggingfaceIds(), e.links()}) {
            canonical.append(field).append('\u0000');
        }
        for (BaseModelRef b : e.baseModels()) {
            canonical.append(b.id()).append(':').append(b.relation()).append(':').append(b.stages()).append('\u0000');
        }
        if (e.newVersionOf() != null) {
            // Only when set, so entries without one keep the digest they had before the field existed.
            canonical.append("newVersionOf:").append(e.newVersionOf()).append('\u0000');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e1);
        }
    }

    /** What one load of the catalogue file did. */
    public record LoadSummary(int entries, int written, int unchanged, List<String> markedRemoved) {
    }
}
