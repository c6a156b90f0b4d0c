package org.llmtracker.graph.export;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.ModelKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Restores a {@link GraphExport} into an empty store, all or nothing. First the whole document is
 * read and checked against the schema ({@link ImportCheck}: labels, types, keys, property names
 * and values, relationship ends, no RUNNING run, counts matching the end line; lineage cycles pass)
 * while it is copied to a temporary file; nothing is written before the last line has passed.
 * Then nodes and relationships are written in batches from that copy (never the whole file in
 * memory): nodes with their exported element id on a temporary label, so relationships find
 * their ends by an index; the temporary label and ids are removed, the ancestry index is
 * rebuilt, and the store's content hash must equal the one the file ends with.
 *
 * <p>Any failure after the first write (the hash differs, the store fails) removes what the
 * import wrote and puts back the store's index state, so the store is exactly as before and the
 * next import finds it empty. A refusal names the line and never shows the store's hash (it
 * would make a matching end line easy to forge).
 */
public final class GraphImport {

    private static final Logger log = LoggerFactory.getLogger(GraphImport.class);

    static final int BATCH = 1_000;
    /** The longest line read; a node's properties are far below it. */
    static final int MAX_LINE_CHARS = 8 * 1024 * 1024;

    private static final String ANY_DATA = "MATCH (n) WHERE NOT n:IndexState RETURN count(n) > 0 AS any LIMIT 1";
    private static final String INDEX_STATES = "MATCH (s:IndexState) RETURN properties(s) AS p";
    private static final String CLEAR_INDEX_STATE = "MATCH (s:IndexState) DETACH DELETE s";
    private static final String RESTORE_INDEX_STATE = "UNWIND $rows AS row CREATE (s:IndexState) SET s = row";
    private static final String UNDO = "MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS removed";
    private static final String PENDING_INDEX = "CREATE INDEX import_pending IF NOT EXISTS FOR (n:ImportPending) ON (n.importId)";
    private static final String DROP_PENDING_INDEX = "DROP INDEX import_pending IF EXISTS";

    private static final String CREATE_NODES = """
            UNWIND $rows AS row
            CREATE (n:$(row.labels))
            SET n = row.properties
            SET n:ImportPending, n.importId = row.id
            """;

    private static final String CREATE_RELATIONSHIPS = """
            UNWIND $rows AS row
            MATCH (a:ImportPending {importId: row.from})
            MATCH (b:ImportPending {importId: row.to})
            CREATE (a)-[r:$(row.type)]->(b)
            SET r = row.properties
            RETURN count(r) AS created
            """;

    private static final String SETTLE = """
            MATCH (n:ImportPending) WITH n LIMIT $limit
            REMOVE n:ImportPending, n.importId
            RETURN count(n) AS settled
            """;


    private GraphImport() {
    }

    /**
     * @throws ImportRefusedException   when the store holds data or the file is not an export of this format
     * @throws IllegalArgumentException naming the line, when the document breaks a rule; the store is unchanged
     */
    public static GraphHash read(Graph graph, InputStream in) {
        if (graph.read(tx -> tx.run(ANY_DATA).single().get("any").asBoolean())) {
            throw new ImportRefusedException("The store is not empty: an import restores into an empty store only "
                    + "(a fresh tracker.neo4j.data-dir, or an empty database, started with tracker.catalog.load-at-start=false)");
        }
        Path spool = null;
        try {
            spool = Files.createTempFile("llm-tracker-import-", ".jsonl");
            long started = System.nanoTime();
            JsonNode end = check(in, spool);
            GraphHash stored = write(graph, spool, end);
            log.info("Import: {} nodes, {} relationships in {} ms, sha256 {}", stored.nodes(), stored.relationships(),
                    (System.nanoTime() - started) / 1_000_000, stored.sha256());
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not spool the import: " + e.getMessage(), e);
        } finally {
            if (spool != null) {
                spool.toFile().delete();
            }
        }
    }

    /** The first pass: every line checked, and copied to {@code spool}; returns the end line. */
    private static JsonNode check(InputStream in, Path spool) throws IOException {
        ImportCheck check = new ImportCheck();
        try (BufferedWriter copy = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
            ImportLines lines = new ImportLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), copy);
            header(lines);
            long nodes = 0;
            for (JsonNode line = lines.next(); ; line = lines.next()) {
                if (line == null) {
                    throw new IllegalArgumentException("The export ends at line " + lines.number
                            + " without its end line: it was cut short");
                }
                String where = "line " + lines.number;
                if (line.has("node")) {
                    if (lines.relationships > 0) {
                        throw new IllegalArgumentException(where + ": a node after the relationships");
                    }
                    check.node(line, text(line, "node", where), where, PropertyCodec.decode(line.get("properties"), where));
                    nodes++;
                } else if (line.has("rel")) {
                    check.relationship(text(line, "rel", where), text(line, "from", where), text(line, "to", where),
                            lines.number, PropertyCodec.decode(line.get("properties"), where));
                    lines.relationships++;
                } else if (line.path("end").asBoolean(false)) {
                    if (lines.next() != null) {
                        throw new IllegalArgumentException("line " + lines.number + ": lines after the end line");
                    }
                    if (line.path("nodes").asLong(-1) != nodes || line.path("relationships").asLong(-1) != lines.relationships
                            || !line.path("sha256").isString()) {
                        throw new IllegalArgumentException(where + ": the end line says " + line.path("nodes") + " nodes and "
                                + line.path("relationships") + " relationships; the file holds " + nodes + " and "
                                + lines.relationships);
                    }
                    return line;
                } else {
                    throw new IllegalArgumentException(where + ": neither a node, a relationship nor the end");
                }
            }
        }
    }

    /** The second pass, from the checked copy: all of it, or (after any failure) none of it. */
    private static GraphHash write(Graph graph, Path spool, JsonNode end) throws IOException {
        List<Map<String, Object>> indexStates = graph.read(tx -> tx.run(INDEX_STATES).list(r -> r.get("p").asMap()));
        graph.write(tx -> tx.run(PENDING_INDEX).consume());
        graph.write(tx -> tx.run("CALL db.awaitIndexes(300)").consume());
        try (BufferedReader reader = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            graph.write(tx -> tx.run(CLEAR_INDEX_STATE).consume());
            // A first fill: reads answer "being built" until the index is built in bulk after the body.
            Ancestry.defer(graph);
            ImportLines lines = new ImportLines(reader, null);
            lines.next();
            List<JsonNode> bookkeeping = body(graph, lines);
            settle(graph);
            Ancestry.rebuild(graph);
            ModelKeys.fill(graph);
            // What the file holds: the store's content, and the exporting store's bookkeeping an older
            // export carried (its index state gives way to the one this store builds).
            GraphHash stored = GraphExport.hash(graph, hash -> bookkeeping.forEach(line -> hash.addNode(labels(line),
                    (ObjectNode) line.get("properties"))));
            GraphHash expected = new GraphHash(end.path("nodes").asLong(-1), end.path("relationships").asLong(-1),
                    end.path("sha256").asString(""));
            if (!stored.equals(expected)) {
                throw new IllegalArgumentException("line " + lines.number + ": the end line's hash is not the hash of what "
                        + "the file holds; the file was changed after it was exported. Nothing was imported");
            }
            return stored;
        } catch (RuntimeException | IOException e) {
            undo(graph, indexStates);
            throw e;
        } finally {
            graph.write(tx -> tx.run(DROP_PENDING_INDEX).consume());
        }
    }

    /** Removes everything the import wrote (the store was empty) and puts back the index state it found. */
    private static void undo(Graph graph, List<Map<String, Object>> indexStates) {
        try {
            long removed;
            do {
                removed = graph.write(tx -> tx.run(UNDO, Map.of("limit", 10 * BATCH)).single().get("removed").asLong());
            } while (removed > 0);
            graph.write(tx -> tx.run(RESTORE_INDEX_STATE, Map.of("rows", indexStates)).consume());
        } catch (RuntimeException e) {
            log.error("An import failed and what it wrote could not all be removed; the store must be emptied by hand", e);
        }
    }

    private static void header(ImportLines lines) {
        JsonNode header = lines.next();
        if (header == null || !GraphExport.FORMAT.equals(header.path("format").asString(null))) {
            throw new ImportRefusedException("Not an llm-tracker export: the first line must be {\"format\":\""
                    + GraphExport.FORMAT + "\",\"version\":" + GraphExport.VERSION + "}");
        }
        if (header.path("version").asInt(-1) != GraphExport.VERSION) {
            throw new ImportRefusedException("Export format version " + header.path("version") + " is not one this "
                    + "version reads (" + GraphExport.VERSION + ")");
        }
    }

    /** Writes the checked lines after the header, in batches; returns the bookkeeping node lines, not written. */
    private static List<JsonNode> body(Graph graph, ImportLines lines) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> relationships = new ArrayList<>();
        List<JsonNode> bookkeeping = new ArrayList<>();
        for (JsonNode line = lines.next(); line != null; line = lines.next()) {
            String where = "line " + lines.number;
            if (line.has("node")) {
                List<String> labels = labels(line);
                if (labels.contains(GraphExport.BOOKKEEPING)) {
                    bookkeeping.add(line);
                    continue;
                }
                Map<String, Object> row = new HashMap<>();
                row.put("id", line.get("node").asString());
                row.put("labels", labels);
                Map<String, Object> properties = new HashMap<>(PropertyCodec.decode(line.get("properties"), where));
                if (labels.contains("Model")) {
                    // derived, never exported: filled after the body from what the file says
                    properties.keySet().removeAll(ModelKeys.DERIVED);
                }
                row.put("properties", properties);
                nodes.add(row);
                if (nodes.size() == BATCH) {
                    writeNodes(graph, nodes);
                }
            } else if (line.has("rel")) {
                writeNodes(graph, nodes);
                Map<String, Object> row = new HashMap<>();
                row.put("type", line.get("rel").asString());
                row.put("from", line.get("from").asString());
                row.put("to", line.get("to").asString());
                row.put("properties", PropertyCodec.decode(line.get("properties"), where));
                relationships.add(row);
                if (relationships.size() == BATCH) {
                    writeRelationships(graph, relationships, lines.number);
                }
            }
        }
        writeNodes(graph, nodes);
        writeRelationships(graph, relationships, lines.number);
        return bookkeeping;
    }

    private static List<String> labels(JsonNode line) {
        List<String> labels = new ArrayList<>();
        line.path("labels").forEach(l -> labels.add(l.asString()));
        return labels;
    }

    private static void writeNodes(Graph graph, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Map<String, Object>> batch = List.copyOf(rows);
        rows.clear();
        graph.write(tx -> tx.run(CREATE_NODES, Map.of("rows", batch)).consume());
    }

    private static void writeRelationships(Graph graph, List<Map<String, Object>> rows, long lineNumber) {
        if (rows.isEmpty()) {
            return;
        }
        List<Map<String, Object>> batch = List.copyOf(rows);
        rows.clear();
        long created = graph.write(tx -> tx.run(CREATE_RELATIONSHIPS, Map.of("rows", batch)).single().get("created").asLong());
        if (created != batch.size()) {
            throw new IllegalArgumentException("Relationships before line " + lineNumber + " name nodes the export does not hold ("
                    + (batch.size() - created) + " of " + batch.size() + ")");
        }
    }

    private static void settle(Graph graph) {
        long settled;
        do {
            settled = graph.write(tx -> tx.run(SETTLE, Map.of("limit", 10 * BATCH)).single().get("settled").asLong());
        } while (settled > 0);
    }

    private static String text(JsonNode line, String field, String where) {
        JsonNode value = line.get(field);
        if (value == null || !value.isString() || value.asString().isEmpty()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a non-empty string");
        }
        return value.asString();
    }
}
