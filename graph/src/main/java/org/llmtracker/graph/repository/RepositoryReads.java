package org.llmtracker.graph.repository;

import static org.llmtracker.graph.store.DriverValues.instant;

import java.util.List;

import org.llmtracker.graph.store.Graph;

/** Reads the GitHub crawler needs: which repositories to visit, least recently crawled first. */
public final class RepositoryReads {

    // Never-crawled first, then oldest crawl first: a run cut short by a rate limit resumes
    // with the repositories it did not reach.
    private static final String TARGETS = """
            MATCH (m:Model {catalogued: true})-[:HOSTED_AT]->(r:Repository)
            WHERE coalesce(r.status, 'ok') <> 'gone'
            WITH DISTINCT r
            RETURN r.fullName AS fullName, coalesce(r.name, r.fullName) AS name, r.pushedAt AS pushedAt,
                   r.detailsCheckedAt AS detailsCheckedAt
            ORDER BY r.lastCrawledAt IS NOT NULL, r.lastCrawledAt, r.fullName
            """;

    private final Graph graph;

    public RepositoryReads(Graph graph) {
        this.graph = graph;
    }

    public List<CrawlTarget> targets() {
        return graph.read(tx -> tx.run(TARGETS).list(r -> new CrawlTarget(r.get("fullName").asString(),
                r.get("name").asString(), instant(r.get("pushedAt")), instant(r.get("detailsCheckedAt")))));
    }
}
