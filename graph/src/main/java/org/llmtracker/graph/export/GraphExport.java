package org.llmtracker.graph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.ModelKeys;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole graph as JSON Lines, streamed from one read transaction (one consistent view): a
 * header line with the format and its version, every node, every relationship but the derived
 * ancestry index ({@code DESCENDS_FROM}, rebuilt on import), every property but those in
 * {@link #UNEXPORTED} (a model's search text, refilled on import, and the licence refresh's
 * bookkeeping), and an end line with the counts
 * and the {@link ContentHash}. Nothing is held but the line being written.
 *
 * <pre>
 * {"format":"llm-tracker-graph","version":1}
 * {"node":"4:..:0","labels":["Model"],"properties":{"id":"llama","releasedAt":{"$datetime":"2023-02-24T00:00Z"},...}}
 * {"rel":"DERIVED_FROM","from":"4:..:7","to":"4:..:0","properties":{"relation":"FINETUNE",...}}
 * {"end":true,"nodes":1234,"relationships":5678,"sha256":"..."}
 * </pre>
 * Element ids only pair a relationship with its ends inside one file; the hash never sees them.
 */
public final class GraphExport {

    public static final String FORMAT = "llm-tracker-graph";
    public static final int VERSION = 1;

    /** Derived from DERIVED_FROM; the import rebuilds it. */
    static final String DERIVED_INDEX = "DESCENDS_FROM";

    /**
     * A model's properties the export leaves out: the search text and name key (derived from the
     * others) and the licence refresh's bookkeeping (a run's id and the database's clock, which two
     * equal stores never share); a store imported without them judges conservatively.
     */
    static final Set<String> UNEXPORTED = Stream.concat(ModelKeys.DERIVED.stream(),
            Stream.of("licenseJudgedIn", "licenseJudgedAt", "licenseMarkedAt")).collect(Collectors.toUnmodifiableSet());

    /**
     * The store's bookkeeping of what it derives ({@code IndexState}: the ancestry index's build,
     * the licence terms' fingerprint) is not content: the import rebuilds it, and a store restored
     * from its own export must have its hash. Exports written before it was left out still hold it.
     */
    static final String BOOKKEEPING = "IndexState";

    private static final String NODES = "MATCH (n) WHERE NOT n:" + BOOKKEEPING
            + " RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props";

    private static final String RELATIONSHIPS = """
            MATCH (a)-[r]->(b) WHERE type(r) <> $derived
            RETURN elementId(a) AS from, elementId(b) AS to, type(r) AS type, properties(r) AS props,
                   labels(a) AS fromLabels, properties(a) AS fromProps, labels(b) AS toLabels, properties(b) AS toProps
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphExport() {
    }

    /** Writes the export to {@code out} (left open) and returns what it holds. */
    public static GraphHash write(Graph graph, OutputStream out) {
        return run(graph, out);
    }

    /** The content hash of what the store holds now, as an export of it would end. */
    public static GraphHash hash(Graph graph) {
        return run(graph, null, hash -> { });
    }

    /** The same, with {@code more} added (an older export's bookkeeping lines, which the store does not keep). */
    static GraphHash hash(Graph graph, Consumer<ContentHash> more) {
        return run(graph, null, more);
    }

    private static GraphHash run(Graph graph, OutputStream out) {
        return run(graph, out, hash -> { });
    }

    private static GraphHash run(Graph graph, OutputStream out, Consumer<ContentHash> more) {
        AtomicBoolean started = new AtomicBoolean();
        return graph.read(tx -> {
            // A retried transaction would write the lines a second time after the first ones.
            if (started.getAndSet(true) && out != null) {
                throw new IllegalStateException("The export was interrupted by a store fault after it had begun; run it again");
            }
            ContentHash hash = new ContentHash();
            line(out, JSON.createObjectNode().put("format", FORMAT).put("version", VERSION));
            tx.run(NODES).forEachRemaining(r -> {
                List<String> labels = r.get("labels").asList(Value::asString);
                ObjectNode properties = PropertyCodec.encode(stored(labels, r.get("props").<Value>asMap(v -> v)),
                        "node " + r.get("id").asString());
                hash.addNode(labels, properties);
                ObjectNode line = JSON.createObjectNode().put("node", r.get("id").asString());
                labels.forEach(line.putArray("labels")::add);
                line.set("properties", properties);
                line(out, line);
            });
            tx.run(RELATIONSHIPS, Map.of("derived", DERIVED_INDEX)).forEachRemaining(r -> {
                ObjectNode properties = PropertyCodec.encode(r.get("props").asMap(v -> v), r.get("type").asString());
                hash.addRelationship(r.get("type").asString(), end(r, "from"), end(r, "to"), properties);
                line(out, JSON.createObjectNode().put("rel", r.get("type").asString()).put("from", r.get("from").asString())
                        .put("to", r.get("to").asString()).set("properties", properties));
            });
            more.accept(hash);
            GraphHash result = hash.result();
            line(out, JSON.createObjectNode().put("end", true).put("nodes", result.nodes())
                    .put("relationships", result.relationships()).put("sha256", result.sha256()));
            return result;
        });
    }

    private static byte[] end(Record r, String side) {
        List<String> labels = r.get(side + "Labels").asList(Value::asString);
        return ContentHash.nodeHash(labels,
                PropertyCodec.encode(stored(labels, r.get(side + "Props").<Value>asMap(v -> v)), "node " + r.get(side).asString()));
    }

    /** A node's properties as exported and hashed. */
    private static Map<String, Value> stored(List<String> labels, Map<String, Value> properties) {
        if (!labels.contains("Model") || UNEXPORTED.stream().noneMatch(properties::containsKey)) {
            return properties;
        }
        Map<String, Value> stored = new HashMap<>(properties);
        stored.keySet().removeAll(UNEXPORTED);
        return stored;
    }

    private static void line(OutputStream out, ObjectNode line) {
        if (out == null) {
            return;
        }
        try {
            out.write(JSON.writeValueAsBytes(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the export: " + e.getMessage(), e);
        }
    }
}
