package org.llmtracker.crawler.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Value;

/**
 * A content hash of the stored graph for tests: every node (labels and properties) and every
 * relationship (type, its ends' contents and its properties), as sorted text, hashed with
 * SHA-256. Run records are left out: recording a run is not a change to what was crawled.
 * (A stand-in until the graph module's export carries its own content hash.)
 */
public final class GraphContent {

    private static final String NODES = """
            MATCH (n) WHERE none(l IN labels(n) WHERE l IN $left)
            RETURN labels(n) AS labels, properties(n) AS props
            """;
    private static final String LINKS = """
            MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $left)
            RETURN type(r) AS type, labels(a) AS al, properties(a) AS a, labels(b) AS bl, properties(b) AS b, properties(r) AS props
            """;

    private GraphContent() {
    }

    public static String hash(Graph graph) {
        return hash(graph, List.of());
    }

    /** @param alsoLeftOut labels besides {@code CrawlRun} whose nodes a job rebuilds each run by design (the digest's) */
    public static String hash(Graph graph, List<String> alsoLeftOut) {
        List<String> left = new ArrayList<>(alsoLeftOut);
        left.add("CrawlRun");
        Map<String, Object> params = Map.of("left", left);
        List<String> lines = graph.read(tx -> {
            List<String> all = new ArrayList<>();
            tx.run(NODES, params).forEachRemaining(r -> all.add("N " + r.get("labels").asList(Value::asString) + " " + sorted(r.get("props"))));
            tx.run(LINKS, params).forEachRemaining(r -> all.add("R " + r.get("type").asString() + " "
                    + r.get("al").asList(Value::asString) + sorted(r.get("a")) + " -> "
                    + r.get("bl").asList(Value::asString) + sorted(r.get("b")) + " " + sorted(r.get("props"))));
            return all;
        });
        lines.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(l -> sha.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sorted(Value map) {
        Map<String, Object> props = new TreeMap<>(map.asMap(v -> v.toString()));
        return props.toString();
    }
}
