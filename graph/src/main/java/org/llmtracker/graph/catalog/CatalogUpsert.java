package org.llmtracker.graph.catalog;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.hub.ModelMerge;
import org.llmtracker.graph.store.ModelKeys;
import org.neo4j.driver.TransactionContext;

/**
 * The statements that write catalogue rows ({@link CatalogRows#row}) into an open transaction:
 * the models, their organisations, repositories, aliases and version links, the derivation links
 * the catalogue asserts or no longer asserts, then the ancestry of every model whose links moved.
 */
final class CatalogUpsert {

    private static final String UPSERT_MODELS = """
            UNWIND $rows AS row
            MERGE (m:Model {id: row.id})
            ON CREATE SET m.firstSeenAt = $now
            FOREACH (_ IN CASE WHEN coalesce(m.license, '') <> coalesce(row.license, '') THEN [1] ELSE [] END |
                     SET m:LicenseStale, m.licenseMarkedAt = timestamp())
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
            """ + ModelKeys.set("m");

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

    private CatalogUpsert() {
    }

    static void run(TransactionContext tx, List<Map<String, Object>> rows, Instant now) {
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
}
