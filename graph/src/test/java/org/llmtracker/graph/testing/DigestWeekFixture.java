package org.llmtracker.graph.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.store.Graph;

/**
 * A week of crawls, 2026-W47 (Monday 2026-11-16 to Monday 2026-11-23 UTC), written in the
 * shapes the GitHub and Hugging Face crawlers write, with just-outside-the-week items on both
 * edges so that an off-by-one shows. The expectations are spelled out beside each item.
 */
public final class DigestWeekFixture {

    public static final String WEEK = "2026-W47";

    private final String prefix;

    /** @param prefix put before every id and repository name, to keep the fixture apart from other data */
    public DigestWeekFixture(String prefix) {
        this.prefix = prefix;
    }

    public static void write(Graph graph) {
        new DigestWeekFixture("").writeTo(graph);
    }

    public String id(String id) {
        return prefix + id;
    }

    /** Removes what {@link #writeTo} wrote, and the week's digest. */
    public void removeFrom(Graph graph) {
        run(graph, """
                MATCH (n) WHERE (n:Model AND n.id STARTS WITH $prefix) OR (n:Repository AND n.fullName STARTS WITH $prefix)
                   OR (n:CrawlRun AND n.id STARTS WITH $prefix) OR (n:Digest AND n.week = $week)
                OPTIONAL MATCH (n)-[:HAD|PUBLISHED]->(x)
                DETACH DELETE x, n
                """, Map.of("prefix", prefix, "week", WEEK));
    }

    public void writeTo(Graph graph) {
        models(graph);
        repositories(graph);
        snapshots(graph);
        runs(graph);
    }

    private void models(Graph graph) {
        run(graph, """
                UNWIND $rows AS row
                CREATE (m:Model {id: row.id, name: row.name, catalogued: row.catalogued, firstSeenAt: row.firstSeenAt,
                                 downloads: row.downloads, likes: row.likes, hfId: row.hfId})
                """, Map.of("rows", List.of(
                model("llama", "LLaMA", true, "2026-10-01T00:00:00Z", 120_000, "huggyllama/llama-7b"),
                model("alpaca", "Alpaca", true, "2026-10-01T00:00:00Z", null, null),
                // new this week, catalogued, family LLaMA through its base
                model("vicuna", "Vicuna", true, "2026-11-18T10:00:00Z", null, null),
                // discovered this week
                model("thebloke/llama-7b-gguf", "thebloke/llama-7b-gguf", false, "2026-11-17T06:00:00Z", 5_000, "TheBloke/llama-7B-GGUF"),
                model("someone/llama-lora", "someone/llama-lora", false, "2026-11-19T06:00:00Z", 300, "someone/llama-lora"),
                model("other/llama-q4", "other/llama-q4", false, "2026-11-20T06:00:00Z", 9_000, "other/llama-q4"),
                // seen before the week and the week after: not new
                model("old/llama-tune", "old/llama-tune", false, "2026-11-02T06:00:00Z", 70_000, "old/llama-tune"),
                model("late/llama-tune", "late/llama-tune", false, "2026-11-23T00:00:00Z", 80_000, "late/llama-tune"))));
        run(graph, """
                UNWIND $rows AS row
                MATCH (c:Model {id: row.child}), (p:Model {id: row.parent})
                CREATE (c)-[:DERIVED_FROM {relation: row.relation, stages: [], sources: [row.source], observedAt: row.at}]->(p)
                """, Map.of("rows", List.of(
                derived("alpaca", "llama", "FINETUNE", "catalog", "2026-10-01T00:00:00Z"),
                derived("vicuna", "llama", "FINETUNE", "catalog", "2026-11-18T10:00:00Z"),
                derived("thebloke/llama-7b-gguf", "llama", "QUANTIZED", "hf-tag", "2026-11-17T06:00:00Z"),
                derived("other/llama-q4", "llama", "QUANTIZED", "hf-tag", "2026-11-20T06:00:00Z"),
                derived("someone/llama-lora", "llama", "ADAPTER", "hf-card", "2026-11-19T06:00:00Z"),
                derived("old/llama-tune", "llama", "FINETUNE", "hf-card", "2026-11-02T06:00:00Z"),
                derived("late/llama-tune", "llama", "FINETUNE", "hf-card", "2026-11-23T00:00:00Z"))));
        // Links written by hand (to set their dates), so the ancestry index is refreshed by hand too.
        graph.write(tx -> {
            // by their ids as written: with a prefix, the prefixed ones
            Ancestry.refresh(tx, List.of("alpaca", "vicuna", "thebloke/llama-7b-gguf", "other/llama-q4",
                    "someone/llama-lora", "old/llama-tune", "late/llama-tune").stream().map(this::id).toList());
            return null;
        });
    }

    private void repositories(Graph graph) {
        run(graph, """
                UNWIND $rows AS row
                CREATE (r:Repository {fullName: row.fullName, name: row.name, url: 'https://github.com/' + row.fullName,
                                      stars: row.stars, forks: 10})
                WITH r, row
                OPTIONAL MATCH (m:Model {id: row.model})
                FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END | CREATE (m)-[:HOSTED_AT]->(r))
                """, Map.of("rows", List.of(
                Map.of("fullName", prefix + "facebookresearch/llama", "name", "llama", "stars", 1_500, "model", prefix + "llama"),
                Map.of("fullName", prefix + "tatsu-lab/stanford_alpaca", "name", "stanford_alpaca", "stars", 260, "model", prefix + "alpaca"),
                Map.of("fullName", prefix + "lm-sys/fastchat", "name", "fastchat", "stars", 5_100, "model", prefix + "vicuna"),
                Map.of("fullName", prefix + "someone/untracked", "name", "untracked", "stars", 1, "model", prefix + "nobody"))));
        run(graph, """
                UNWIND $rows AS row
                MATCH (r:Repository {fullName: row.repo})
                CREATE (r)-[:PUBLISHED]->(:Release {key: row.repo + '@' + row.tag, tag: row.tag, name: row.name,
                        publishedAt: row.at, prerelease: row.prerelease, url: 'https://github.com/' + row.repo + '/releases/tag/' + row.tag})
                """, Map.of("rows", List.of(
                release("facebookresearch/llama", "v1.0", "First", "2026-11-15T23:59:59Z", false),
                release("facebookresearch/llama", "v2.0", "Llama 2", "2026-11-18T12:00:00Z", false),
                // upstream text is not to be trusted: it must come out escaped in HTML
                release("tatsu-lab/stanford_alpaca", "v1.1-rc1", "<script>alert('x')</script> & more", "2026-11-22T23:59:59Z", true),
                release("someone/untracked", "v9", "Not ours", "2026-11-19T00:00:00Z", false),
                release("lm-sys/fastchat", "v0.3", "Next week", "2026-11-23T00:00:00Z", false))));
    }

    private void snapshots(Graph graph) {
        run(graph, """
                UNWIND $rows AS row
                MATCH (r:Repository {fullName: row.id})
                CREATE (r)-[:HAD]->(:Snapshot {at: row.at, stars: row.a, forks: row.b})
                """, Map.of("rows", List.of(
                // +500 (+50%): the baseline is the last snapshot before the week
                snap("facebookresearch/llama", "2026-11-10T00:00:00Z", 900, 9),
                snap("facebookresearch/llama", "2026-11-15T00:00:00Z", 1_000, 10),
                snap("facebookresearch/llama", "2026-11-18T00:00:00Z", 1_100, 10),
                snap("facebookresearch/llama", "2026-11-22T00:00:00Z", 1_500, 11),
                snap("facebookresearch/llama", "2026-11-24T00:00:00Z", 9_999, 11),
                // +100 (+2%): a snapshot exactly at the week's start is the baseline
                snap("lm-sys/fastchat", "2026-11-16T00:00:00Z", 5_000, 50),
                snap("lm-sys/fastchat", "2026-11-21T00:00:00Z", 5_100, 50),
                // +60 (+30%)
                snap("tatsu-lab/stanford_alpaca", "2026-11-14T00:00:00Z", 200, 5),
                snap("tatsu-lab/stanford_alpaca", "2026-11-20T00:00:00Z", 260, 5),
                // unchanged: not a mover
                snap("someone/untracked", "2026-11-14T00:00:00Z", 1, 0),
                snap("someone/untracked", "2026-11-20T00:00:00Z", 1, 0))));
        run(graph, """
                UNWIND $rows AS row
                MATCH (m:Model {id: row.id})
                CREATE (m)-[:HAD]->(:Snapshot {at: row.at, downloads: row.a, likes: row.b})
                """, Map.of("rows", List.of(
                // downloads +20000, likes +20
                snap("llama", "2026-11-10T00:00:00Z", 100_000, 500),
                snap("llama", "2026-11-21T00:00:00Z", 120_000, 520),
                // first seen inside the week: baseline is its first snapshot; downloads +4000, likes +30
                snap("thebloke/llama-7b-gguf", "2026-11-17T06:00:00Z", 1_000, 10),
                snap("thebloke/llama-7b-gguf", "2026-11-22T06:00:00Z", 5_000, 40))));
    }

    private void runs(Graph graph) {
        run(graph, """
                UNWIND $rows AS row
                CREATE (:CrawlRun {id: row.id, job: row.job, status: row.status, startedAt: row.at, finishedAt: row.at,
                                   requests: row.requests, note: row.note})
                """, Map.of("rows", List.of(
                crawlRun("r1", "github", "SUCCEEDED", "2026-11-16T06:00:00Z", 40, null),
                crawlRun("r2", "github", "SUCCEEDED", "2026-11-17T06:00:00Z", 12, null),
                crawlRun("r3", "github", "PARTIAL", "2026-11-18T06:00:00Z", 5_000, "GitHub rate limit exhausted; resets at 07:00"),
                crawlRun("r4", "huggingface", "FAILED", "2026-11-19T06:00:00Z", 1, "IllegalStateException: boom"),
                crawlRun("r5", "huggingface", "SUCCEEDED", "2026-11-20T06:00:00Z", 300, null),
                // cut short by a crash, closed at the next start
                crawlRun("r7", "pages", "ABORTED", "2026-11-21T06:00:00Z", 3, "The process running it stopped"),
                crawlRun("r6", "github", "FAILED", "2026-11-23T06:00:00Z", 0, "next week"))));
    }

    private Map<String, Object> model(String id, String name, boolean catalogued, String firstSeen, Integer downloads, String hfId) {
        java.util.HashMap<String, Object> row = new java.util.HashMap<>();
        row.put("id", id(id));
        row.put("name", name);
        row.put("catalogued", catalogued);
        row.put("firstSeenAt", at(firstSeen));
        row.put("downloads", downloads);
        row.put("likes", null);
        row.put("hfId", hfId);
        return row;
    }

    private Map<String, Object> derived(String child, String parent, String relation, String source, String observed) {
        return Map.of("child", id(child), "parent", id(parent), "relation", relation, "source", source, "at", at(observed));
    }

    private Map<String, Object> release(String repo, String tag, String name, String published, boolean prerelease) {
        return Map.of("repo", id(repo), "tag", tag, "name", name, "at", at(published), "prerelease", prerelease);
    }

    private Map<String, Object> snap(String id, String when, long a, long b) {
        return Map.of("id", id(id), "at", at(when), "a", a, "b", b);
    }

    private Map<String, Object> crawlRun(String id, String job, String status, String started, long requests, String note) {
        java.util.HashMap<String, Object> row = new java.util.HashMap<>();
        row.put("id", id(id));
        row.put("job", job);
        row.put("status", status);
        row.put("at", at(started));
        row.put("requests", requests);
        row.put("note", note);
        return row;
    }

    private static Object at(String instant) {
        return Instant.parse(instant).atZone(ZoneOffset.UTC);
    }

    private static void run(Graph graph, String cypher, Map<String, Object> params) {
        graph.write(tx -> tx.run(cypher, params).consume());
    }
}
