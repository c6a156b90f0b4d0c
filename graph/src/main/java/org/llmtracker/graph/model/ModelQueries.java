package org.llmtracker.graph.model;

import org.llmtracker.graph.naming.Ids;

import static org.llmtracker.graph.store.DriverValues.bool;
import static org.llmtracker.graph.store.DriverValues.number;
import static org.llmtracker.graph.store.DriverValues.string;
import static org.llmtracker.graph.store.DriverValues.strings;
import static org.llmtracker.graph.store.DriverValues.text;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/** Reads of models and organisations: lookup by id or alias, filtered lists, the detail page. */
public final class ModelQueries {

    private static final String RESOLVE = """
            OPTIONAL MATCH (m:Model {id: $id})
            OPTIONAL MATCH (:Alias {id: $id})-[:ALIAS_OF]->(a:Model)
            RETURN coalesce(m.id, a.id) AS id
            """;

    private static final String DETAIL = """
            MATCH (m:Model {id: $id})
            RETURN m {.*} AS m,
              [(m)-[:PUBLISHED_BY]->(o:Organisation) | o {.*}][0] AS o,
              [(a:Alias)-[:ALIAS_OF]->(m) | a.id] AS aliases,
              [(m)-[:HOSTED_AT]->(r:Repository) | {r: r {.*},
                  release: reduce(best = null, rel IN [(r)-[:PUBLISHED]->(x:Release) WHERE x.publishedAt IS NOT NULL | x {.*}] |
                      CASE WHEN best IS NULL OR rel.publishedAt > best.publishedAt THEN rel ELSE best END)}] AS repositories,
              [(m)-[d:DERIVED_FROM]->(p:Model) | {id: p.id, name: p.name, relation: d.relation,
                  stages: coalesce(d.stages, []), sources: coalesce(d.sources, [])}] AS parents
            """;

    private static final String CHILD_COUNTS = """
            MATCH (:Model {id: $id})<-[d:DERIVED_FROM]-(:Model)
            RETURN coalesce(d.relation, 'UNKNOWN') AS relation, count(*) AS n
            """;

    private static final String ORGANISATIONS = """
            MATCH (o:Organisation)
            RETURN o.key AS key, o.name AS name, o.country AS country,
                   COUNT { (o)<-[:PUBLISHED_BY]-() } AS models
            ORDER BY toLower(o.name), o.key SKIP $skip LIMIT $limit
            """;

    private static final String ORGANISATION_COUNT = "MATCH (o:Organisation) RETURN count(o) AS n";

    private static final String ORGANISATION_EXISTS = "MATCH (o:Organisation {key: $key}) RETURN o.key AS key";

    private final Graph graph;
    private final ModelSearch search;
    private final ModelList list;

    public ModelQueries(Graph graph) {
        this(graph, ModelSearch.EXACT_UP_TO, BroadSearch.WALK_BUDGET);
    }

    /**
     * @param exactUpTo  up to how many matches a search or a filtered list orders them all and counts them exactly
     * @param walkBudget how many models a walk of an index reads before it gives up on its condition
     */
    ModelQueries(Graph graph, int exactUpTo, int walkBudget) {
        this(graph, exactUpTo, walkBudget, ModelSearch.FRONT);
    }

    /** @param front how many models starting with a search's text it checks each match against */
    ModelQueries(Graph graph, int exactUpTo, int walkBudget, int front) {
        this.graph = graph;
        this.search = new ModelSearch(graph, exactUpTo, walkBudget, front);
        this.list = new ModelList(graph, exactUpTo, walkBudget);
    }

    /** The canonical id for an id or alias in any case; empty when the graph has no such model. */
    public Optional<String> resolve(String idOrAlias) {
        String id = Ids.model(idOrAlias);
        return graph.read(tx -> Optional.ofNullable(string(tx.run(RESOLVE, Map.of("id", id)).single().get("id"))));
    }

    public Page<ModelSummary> list(ModelFilter filter, int skip, int limit) {
        if (skip < 0 || limit < 1) {
            throw new IllegalArgumentException("skip must be >= 0 and limit >= 1, got " + skip + ", " + limit);
        }
        Map<String, Object> params = params(filter);
        if (filter.q() != null) {
            return search.search(filter, params, skip, limit);
        }
        return list.list(filter, params, skip, limit);
    }

    /** What a search's and a list's queries are given of {@code filter}: its text and each filter, null when not asked. */
    static Map<String, Object> params(ModelFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("q", filter.q());
        params.put("kind", filter.kind());
        params.put("openSource", filter.openSource());
        params.put("region", filter.region());
        params.put("catalogued", filter.catalogued());
        params.put("organisation", filter.organisation());
        return params;
    }

    public Optional<ModelDetail> detail(String id) {
        return detail(id, true);
    }

    /**
     * The detail with empty {@code childCounts}: counting a family root's children by relation reads
     * every one of its links, which a caller that reads them anyway (the model page's
     * {@code LineageQueries.childrenByRelation}) should not pay twice.
     */
    public Optional<ModelDetail> detailWithoutChildCounts(String id) {
        return detail(id, false);
    }

    private Optional<ModelDetail> detail(String id, boolean countChildren) {
        return graph.read(tx -> {
            var found = tx.run(DETAIL, Map.of("id", id)).stream().findFirst();
            if (found.isEmpty()) {
                return Optional.<ModelDetail>empty();
            }
            Map<String, Long> childCounts = new LinkedHashMap<>();
            if (countChildren) {
                tx.run(CHILD_COUNTS, Map.of("id", id)).list().stream()
                        .sorted((a, b) -> a.get("relation").asString().compareTo(b.get("relation").asString()))
                        .forEach(r -> childCounts.put(r.get("relation").asString(), r.get("n").asLong()));
            }
            return Optional.of(detail(found.get(), childCounts));
        });
    }

    public List<OrganisationSummary> organisations() {
        return organisations(0, Integer.MAX_VALUE).items();
    }

    /** Organisations by name, a page at a time, with how many there are. */
    public Page<OrganisationSummary> organisations(int skip, int limit) {
        return graph.read(tx -> new Page<>(tx.run(ORGANISATION_COUNT).single().get("n").asLong(),
                tx.run(ORGANISATIONS, Map.of("skip", skip, "limit", limit)).list(r -> new OrganisationSummary(
                        r.get("key").asString(), string(r.get("name")), string(r.get("country")),
                        r.get("models").asLong()))));
    }

    public boolean organisationExists(String key) {
        return graph.read(tx -> tx.run(ORGANISATION_EXISTS, Map.of("key", Ids.organisation(key))).hasNext());
    }

    static ModelSummary summary(Value m, String organisation) {
        return new ModelSummary(
                m.get("id").asString(), string(m.get("name")), string(m.get("kind")), organisation,
                number(m.get("parameters")), string(m.get("parameterLabel")), bool(m.get("openSource")),
                string(m.get("region")), string(m.get("releasedAt")), Boolean.TRUE.equals(bool(m.get("catalogued"))),
                string(m.get("hfId")), number(m.get("downloads")), number(m.get("likes")));
    }

    private static ModelDetail detail(Record r, Map<String, Long> childCounts) {
        Value m = r.get("m");
        Value o = r.get("o");
        List<ModelDetail.Repository> repositories = r.get("repositories").asList(v -> repository(v.get("r"), v.get("release")));
        List<ModelDetail.Parent> parents = r.get("parents").asList(p -> new ModelDetail.Parent(
                p.get("id").asString(), string(p.get("name")), string(p.get("relation")),
                strings(p.get("stages")), strings(p.get("sources"))));
        return new ModelDetail(
                m.get("id").asString(), string(m.get("name")), string(m.get("kind")), string(m.get("description")),
                o.isNull() ? string(m.get("organisationName")) : string(o.get("name")),
                o.isNull() ? null : string(o.get("key")),
                number(m.get("parameters")), string(m.get("parameterLabel")), bool(m.get("openSource")),
                // The Hub's licence id the licence verdicts resolved (LicenseVerdicts), else as stored.
                string(m.get("licenseId")) != null ? string(m.get("licenseId")) : string(m.get("license")),
                string(m.get("region")), string(m.get("releasedAt")),
                Boolean.TRUE.equals(bool(m.get("catalogued"))), text(m.get("removedFromCatalogAt")),
                string(m.get("hfId")), number(m.get("downloads")), number(m.get("likes")),
                string(m.get("pipelineTag")), string(m.get("libraryName")), bool(m.get("gated")),
                string(m.get("hfStatus")), strings(m.get("links")),
                r.get("aliases").asList(Value::asString).stream().sorted().toList(),
                repositories.stream().sorted((a, b) -> a.fullName().compareTo(b.fullName())).toList(),
                parents.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList(),
                childCounts);
    }

    private static ModelDetail.Repository repository(Value r, Value release) {
        ModelDetail.Release latest = release.isNull() ? null
                : new ModelDetail.Release(string(release.get("tag")), string(release.get("name")),
                        text(release.get("publishedAt")));
        return new ModelDetail.Repository(
                string(r.get("name")) != null ? string(r.get("name")) : r.get("fullName").asString(),
                r.get("fullName").asString(), string(r.get("url")), number(r.get("stars")), number(r.get("forks")), number(r.get("watchers")),
                number(r.get("openIssues")), bool(r.get("archived")), string(r.get("status")), latest);
    }
}
