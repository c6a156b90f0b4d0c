package org.llmtracker.graph.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.model.Values;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Value;

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

    private static final String SNAPSHOTS = """
            MATCH (:Repository {fullName: $fullName})-[:HAD]->(s:Snapshot)
            RETURN s.at AS at, s.stars AS stars, s.forks AS forks ORDER BY s.at
            """;

    private final Graph graph;

    public RepositoryReads(Graph graph) {
        this.graph = graph;
    }

    public List<CrawlTarget> targets() {
        return graph.read(tx -> tx.run(TARGETS).list(r -> new CrawlTarget(r.get("fullName").asString(),
                r.get("name").asString(), instant(r.get("pushedAt")), instant(r.get("detailsCheckedAt")))));
    }

    /** A repository's snapshots, oldest first. */
    public List<Snapshot> snapshots(String fullName) {
        return graph.read(tx -> tx.run(SNAPSHOTS, Map.of("fullName", fullName)).list(r -> new Snapshot(
                instant(r.get("at")), Values.number(r.get("stars")), Values.number(r.get("forks")))));
    }

    public record Snapshot(Instant at, Long stars, Long forks) {
    }

    static Instant instant(Value v) {
        return v == null || v.isNull() ? null : v.asZonedDateTime().toInstant();
    }
}
