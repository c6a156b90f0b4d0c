package org.llmtracker.graph.article;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.ModelKeys;

/**
 * {@code :Article} nodes and what cites them: reference links (which to fetch, and what was
 * found) and what a repository's README links to (papers, and the Hub id of a model that has none).
 */
public final class ArticleStore {

    private static final String DUE = """
            MATCH (m:Model {catalogued: true})
            UNWIND coalesce(m.links, []) AS url
            WITH url, collect(DISTINCT m.id) AS modelIds
            OPTIONAL MATCH (a:Article {url: url})
            WITH url, modelIds, a
            WHERE a IS NULL OR a.fetchedAt IS NULL OR a.fetchedAt < $staleBefore
            RETURN url, modelIds ORDER BY url
            """;

    private static final String RECORD = """
            UNWIND $rows AS row
            MERGE (a:Article {url: row.url})
            WITH a, row, coalesce(a.title, '') <> coalesce(row.title, '') OR coalesce(a.site, '') <> row.site AS changed
            SET a.title = coalesce(row.title, a.title), a.site = row.site, a.fetchedAt = $now,
                a.updatedAt = CASE WHEN changed THEN $now ELSE a.updatedAt END
            WITH a, row, changed
            CALL (a, row) {
              MATCH (m:Model {catalogued: true})
              WHERE row.url IN coalesce(m.links, [])
              MERGE (m)-[:DESCRIBED_IN]->(a)
            }
            RETURN count(CASE WHEN changed THEN 1 END) AS changed
            """;

    // The catalogue's Hugging Face ids win: a README only fills a model's gap.
    private static final String README = """
            MATCH (r:Repository {fullName: $fullName})
            SET r.readmeHuggingfaceIds = $hfIds
            WITH r
            MATCH (m:Model {catalogued: true})-[:HOSTED_AT]->(r)
            FOREACH (_ IN CASE WHEN m.hfId IS NULL AND size(coalesce(m.huggingfaceIds, [])) = 0
                    AND $hfId IS NOT NULL THEN [1] ELSE [] END |
              SET m.hfId = $hfId, m.hfIdSource = 'readme', m.updatedAt = $now)
            """ + ModelKeys.set("m") + """
            WITH m
            UNWIND $papers AS paper
            MERGE (a:Article {url: paper.url})
            ON CREATE SET a.title = paper.title, a.site = 'arXiv', a.updatedAt = $now
            MERGE (m)-[:DESCRIBED_IN]->(a)
            """;

    private final Graph graph;

    public ArticleStore(Graph graph) {
        this.graph = graph;
    }

    /** Catalogue links never fetched or last fetched before {@code staleBefore}. */
    public List<PageLink> due(Instant staleBefore) {
        return graph.read(tx -> tx.run(DUE, Map.of("staleBefore", dateTime(staleBefore)))
                .list(r -> new PageLink(r.get("url").asString(), r.get("modelIds").asList(v -> v.asString()))));
    }

    /** @return how many articles changed title or site */
    public long record(List<PageFacts> pages, Instant now) {
        List<Map<String, Object>> rows = pages.stream().map(p -> {
            Map<String, Object> row = new HashMap<>();
            row.put("url", p.url());
            row.put("title", p.title());
            row.put("site", p.site());
            return row;
        }).toList();
        return graph.write(tx -> tx.run(RECORD, Map.of("rows", rows, "now", dateTime(now)))
                .single().get("changed").asLong());
    }

    /**
     * What the README of a repository links to: its Hugging Face ids (kept on the repository; the
     * first becomes the {@code hfId} of a catalogued model hosted there that has none) and its
     * papers, as articles the hosted models are described in.
     */
    public void recordReadme(String repositoryFullName, ReadmeFacts readme, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("fullName", repositoryFullName);
        params.put("hfIds", readme.huggingfaceIds());
        params.put("hfId", readme.huggingfaceIds().isEmpty() ? null : Ids.model(readme.huggingfaceIds().get(0)));
        params.put("papers", readme.papers().stream().map(p -> {
            Map<String, Object> row = new HashMap<>();
            row.put("url", p.url());
            row.put("title", p.title());
            return row;
        }).toList());
        params.put("now", dateTime(now));
        graph.write(tx -> tx.run(README, params).consume());
    }
}
