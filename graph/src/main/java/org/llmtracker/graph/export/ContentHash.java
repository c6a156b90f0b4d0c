package org.llmtracker.graph.export;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The content hash, accumulated one node or relationship at a time, in any order. Each item's
 * canonical JSON (sorted labels, sorted property keys, typed values; a relationship names its
 * ends by their own item hashes, never by element id) is hashed with SHA-256; the item hashes
 * are added modulo 2^256, which makes the sum independent of order without holding or sorting
 * the graph; the result is the SHA-256 of the format, the two counts and that sum.
 */
public final class ContentHash {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BigInteger sum = BigInteger.ZERO;
    private long nodes;
    private long relationships;

    /** @param properties canonical encoded properties (see {@link PropertyCodec}) */
    public void addNode(List<String> labels, ObjectNode properties) {
        add(nodeItem(labels, properties));
        nodes++;
    }

    public void addRelationship(String type, byte[] fromHash, byte[] toHash, ObjectNode properties) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("rel", type);
        item.put("from", HexFormat.of().formatHex(fromHash));
        item.put("to", HexFormat.of().formatHex(toHash));
        item.set("properties", properties);
        add(item);
        relationships++;
    }

    /** The item hash of a node, which also names it as a relationship's end. */
    public static byte[] nodeHash(List<String> labels, ObjectNode properties) {
        return sha256(canonical(nodeItem(labels, properties)));
    }

    public GraphHash result() {
        String text = GraphExport.FORMAT + "/" + GraphExport.VERSION + "\n" + nodes + "\n" + relationships + "\n"
                + sum.toString(16);
        return new GraphHash(nodes, relationships, HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static ObjectNode nodeItem(List<String> labels, ObjectNode properties) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        ArrayNode sorted = item.putArray("labels");
        labels.stream().sorted().forEach(sorted::add);
        item.set("properties", properties);
        return item;
    }

    private void add(JsonNode item) {
        sum = sum.add(new BigInteger(1, sha256(canonical(item)))).mod(MODULUS);
    }

    // Property keys are already sorted by the codec, and item fields are written in a fixed order.
    private static byte[] canonical(JsonNode item) {
        return JSON.writeValueAsBytes(item);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
