package org.llmtracker.graph.repository;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.store.Graph;

/**
 * Writes what the GitHub crawler learns about repositories. Every write is idempotent, and
 * nothing here deletes what an earlier crawl stored: a gone repository keeps its figures, a
 * renamed one keeps its releases and snapshots under the new name.
 */
public final class RepositoryWriter {

    private static final String FACTS = """
            MATCH (r:Repository {fullName: $fullName})
            WITH r, coalesce(r.factsHash, '') <> $hash AS changed
            SET r.name = $name, r.url = $url, r.description = $description, r.stars = $stars, r.forks = $forks,
                r.watchers = $watchers, r.openIssues = $openIssues, r.license = $license, r.topics = $topics,
                r.pushedAt = $pushedAt, r.archived = $archived, r.status = 'ok', r.factsHash = $hash,
                r.lastCrawledAt = $now, r.updatedAt = CASE WHEN changed THEN $now ELSE r.updatedAt END
            WITH r, changed
            OPTIONAL MATCH (r)-[:HAD]->(s:Snapshot)
            WITH r, changed, s ORDER BY s.at DESC LIMIT 1
            FOREACH (_ IN CASE WHEN s IS NULL
                    OR ((s.stars <> $stars OR s.forks <> $forks) AND date(s.at) < date($now)) THEN [1] ELSE [] END |
              CREATE (r)-[:HAD]->(:Snapshot {at: $now, stars: $stars, forks: $forks, updatedAt: $now}))
            RETURN changed
            """;

    private static final String TOUCH = """
            MATCH (r:Repository {fullName: $fullName})
            SET r.lastCrawledAt = $now, r.status = coalesce(r.status, 'ok')
            """;

    private static final String GONE = """
            MATCH (r:Repository {fullName: $fullName})
            SET r.status = 'gone', r.goneAt = coalesce(r.goneAt, $now), r.lastCrawledAt = $now, r.updatedAt = $now
            """;

    private static final String RELEASES = """
            MATCH (r:Repository {fullName: $fullName})
            SET r.detailsCheckedAt = $now
            WITH r
            UNWIND $rows AS row
            MERGE (x:Release {key: $fullName + '@' + row.tag})
            SET x.tag = row.tag, x.name = row.name, x.publishedAt = row.publishedAt, x.prerelease = row.prerelease,
                x.url = row.url, x.updatedAt = coalesce(x.updatedAt, $now)
            MERGE (r)-[:PUBLISHED]->(x)
            """;

    private static final String RENAME = """
            MATCH (old:Repository {fullName: $old})
            SET old.fullName = $new, old.name = $name,
                old.aliases = [a IN coalesce(old.aliases, []) WHERE a <> $old] + $old, old.updatedAt = $now
            WITH old
            MATCH (old)-[:PUBLISHED]->(x:Release)
            SET x.key = $new + '@' + x.tag
            """;

    // The new name is catalogued too: fold the old node into it, keeping its history.
    private static final String MERGE_INTO = """
            MATCH (old:Repository {fullName: $old}), (target:Repository {fullName: $new})
            CALL (old, target) {
              MATCH (m:Model)-[h:HOSTED_AT]->(old)
              MERGE (m)-[:HOSTED_AT]->(target)
              DELETE h
            }
            CALL (old, target) {
              MATCH (old)-[h:HAD]->(s:Snapshot)
              CREATE (target)-[:HAD]->(s)
              DELETE h
            }
            CALL (old, target) {
              MATCH (old)-[p:PUBLISHED]->(x:Release)
              WHERE NOT EXISTS { MATCH (:Release {key: $new + '@' + x.tag}) }
              SET x.key = $new + '@' + x.tag
              MERGE (target)-[:PUBLISHED]->(x)
              DELETE p
            }
            SET target.aliases = [a IN coalesce(target.aliases, []) WHERE a <> $old] + $old
                                 + [a IN coalesce(old.aliases, []) WHERE NOT a IN coalesce(target.aliases, [])],
                target.updatedAt = $now
            WITH old
            // What is left are releases the new name already has.
            OPTIONAL MATCH (old)-[:PUBLISHED]->(stale:Release)
            DETACH DELETE stale
            WITH DISTINCT old
            DETACH DELETE old
            """;

    private static final String EXISTS = "MATCH (r:Repository {fullName: $fullName}) RETURN count(r) > 0 AS found";

    private final Graph graph;

    public RepositoryWriter(Graph graph) {
        this.graph = graph;
    }

    /**
     * Stores current figures and, when stars or forks moved since the last snapshot and that
     * snapshot is not from today, appends a new one. The first crawl always snapshots.
     *
     * @return whether anything but the crawl time changed
     */
    public boolean recordFacts(RepositoryFacts facts, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("fullName", facts.fullName());
        params.put("name", facts.name());
        params.put("url", facts.url());
        params.put("description", facts.description());
        params.put("stars", facts.stars());
        params.put("forks", facts.forks());
        params.put("watchers", facts.watchers());
        params.put("openIssues", facts.openIssues());
        params.put("license", facts.license());
        params.put("topics", facts.topics());
        params.put("pushedAt", dateTime(facts.pushedAt()));
        params.put("archived", facts.archived());
        params.put("hash", facts.digest());
        params.put("now", dateTime(now));
        return graph.write(tx -> tx.run(FACTS, params).single().get("changed").asBoolean());
    }

    /** A crawl that found nothing new: only the crawl time moves, so the next run visits others first. */
    public void touch(String fullName, Instant now) {
        graph.write(tx -> tx.run(TOUCH, Map.of("fullName", fullName, "now", dateTime(now))).consume());
    }

    public void markGone(String fullName, Instant now) {
        graph.write(tx -> tx.run(GONE, Map.of("fullName", fullName, "now", dateTime(now))).consume());
    }

    public void recordReleases(String fullName, List<ReleaseFacts> releases, Instant now) {
        List<Map<String, Object>> rows = releases.stream().map(r -> {
            Map<String, Object> row = new HashMap<>();
            row.put("tag", r.tag());
            row.put("name", r.name());
            row.put("publishedAt", dateTime(r.publishedAt()));
            row.put("prerelease", r.prerelease());
            row.put("url", r.url());
            return row;
        }).toList();
        graph.write(tx -> tx.run(RELEASES, Map.of("fullName", fullName, "rows", rows, "now", dateTime(now))).consume());
    }

    /**
     * GitHub moved {@code oldKey} to {@code newName}: the repository continues under the new
     * name, with the old one as an alias.
     */
    public void rename(String oldKey, String newName, Instant now) {
        String newKey = Ids.repository(newName);
        Map<String, Object> params = Map.of("old", oldKey, "new", newKey, "name", newName, "now", dateTime(now));
        graph.write(tx -> {
            boolean targetExists = tx.run(EXISTS, Map.of("fullName", newKey)).single().get("found").asBoolean();
            return tx.run(targetExists ? MERGE_INTO : RENAME, params).consume();
        });
    }
}
