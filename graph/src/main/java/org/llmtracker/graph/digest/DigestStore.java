package org.llmtracker.graph.digest;

import static org.llmtracker.graph.store.DriverValues.dateTime;
import static org.llmtracker.graph.store.DriverValues.instant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Value;

/**
 * {@code :Digest} nodes, one per ISO week. The digest itself is kept as the JSON the API
 * serves, so what was said about a week stays as it was said even when later crawls fill in
 * more of that week.
 */
public final class DigestStore {

    private static final String SAVE = """
            MERGE (d:Digest {week: $week})
            SET d.from = $from, d.to = $to, d.builtAt = $builtAt, d.json = $json, d.updatedAt = $builtAt
            """;

    private static final String FIND = "MATCH (d:Digest {week: $week}) RETURN d {.*} AS d";

    // ISO week strings sort in time order. A week built before it ended is a preview ("so far"):
    // the latest digest and the feed show finished weeks only, so a feed entry never changes under a reader.
    private static final String RECENT = """
            MATCH (d:Digest) WHERE d.builtAt >= d.to
            RETURN d {.*} AS d ORDER BY d.week DESC LIMIT $limit
            """;

    private static final String WEEKS = """
            MATCH (d:Digest)
            RETURN d.week AS week, d.builtAt AS builtAt, d.builtAt >= d.to AS finished
            ORDER BY d.week DESC LIMIT $limit
            """;

    private final Graph graph;

    public DigestStore(Graph graph) {
        this.graph = graph;
    }

    public void save(String week, Instant from, Instant to, Instant builtAt, String json) {
        graph.write(tx -> tx.run(SAVE, Map.of("week", week, "from", dateTime(from),
                "to", dateTime(to), "builtAt", dateTime(builtAt), "json", json)).consume());
    }

    public Optional<StoredDigest> find(String week) {
        return graph.read(tx -> tx.run(FIND, Map.of("week", week)).stream().findFirst().map(r -> stored(r.get("d"))));
    }

    /** Finished weeks, newest first. */
    public List<StoredDigest> recent(int limit) {
        return graph.read(tx -> tx.run(RECENT, Map.of("limit", limit)).list(r -> stored(r.get("d"))));
    }

    /** Every stored week, newest first, the week in progress (a preview) included. */
    public List<Week> weeks(int limit) {
        return graph.read(tx -> tx.run(WEEKS, Map.of("limit", limit)).list(r -> new Week(r.get("week").asString(),
                instant(r.get("builtAt")), r.get("finished").asBoolean(false))));
    }

    private static StoredDigest stored(Value d) {
        return new StoredDigest(d.get("week").asString(), instant(d.get("builtAt")), d.get("json").asString());
    }

    /** @param finished whether it was built after the week ended; otherwise it says what the week held so far */
    public record Week(String week, Instant builtAt, boolean finished) {
    }

    /** @param json the digest as {@link Digest} serialised by the API */
    public record StoredDigest(String week, Instant builtAt, String json) {
    }
}
