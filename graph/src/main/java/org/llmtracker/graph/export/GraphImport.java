package org.llmtracker.graph.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.store.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restores a {@link GraphExport} into an empty store, streaming: nodes and relationships are
 * written in batches as their lines arrive, never the whole file at once. Nodes are created
 * with their exported element id on a temporary label, so relationships find their ends by an
 * index; the temporary label and ids are removed at the end, the ancestry index is rebuilt,
 * and the store's content hash must equal the one the file ends with.
 *
 * <p>A file that breaks off or does not parse fails the import with the line number; what was
 * written stays (the store was empty: remove its folder, or its database, and import again).
 */
public final class GraphImport {

    private static final Logger log = LoggerFactory.getLogger(GraphImport.class);

    static final int BATCH = 1_000;
    /** The longest line read; a node's properties are far below it. */
    static final int MAX_LINE_CHARS = 8 * 1024 * 1024;

    private static final String ANY_DATA = "MATCH (n) WHERE NOT n:IndexState RETURN count(n) > 0 AS any LIMIT 1";
    private static final String CLEAR_INDEX_STATE = "MATCH (s:IndexState) DETACH DELETE s";
    private static final String IMPORTED_INDEX_STATE = "MATCH (s:IndexState) WHERE s.building IS NULL DETACH DELETE s";
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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphImport() {
    }

    /**
     * @throws ImportRefusedException when the store holds data or the file is not an export of this format
     * @throws IllegalArgumentException naming the line, when a line is malformed
     */
    public static GraphHash read(Graph graph, InputStream in) {
        if (graph.read(tx -> tx.run(ANY_DATA).single().get("any").asBoolean())) {
            throw new ImportRefusedException("The store is not empty: an import restores into an empty store only "
                    + "(a fresh tracker.neo4j.data-dir, or an empty database, started with tracker.catalog.load-at-start=false)");
        }
        long started = System.nanoTime();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Lines lines = new Lines(reader);
        header(lines);
        graph.write(tx -> tx.run(CLEAR_INDEX_STATE).consume());
        // A first fill: reads answer "being built" until the index is built in bulk after the body.
        Ancestry.defer(graph);
        graph.write(tx -> tx.run(PENDING_INDEX).consume());
        graph.write(tx -> tx.run("CALL db.awaitIndexes(300)").consume());
        try {
            JsonNode end = body(graph, lines);
            settle(graph);
            // The file's own index state (the exporting store's) gives way to the one the build keeps.
            graph.write(tx -> tx.run(IMPORTED_INDEX_STATE).consume());
            Ancestry.rebuild(graph);
            GraphHash stored = GraphExport.hash(graph);
            GraphHash expected = new GraphHash(end.path("nodes").asLong(-1), end.path("relationships").asLong(-1),
                    end.path("sha256").asString(""));
            if (!stored.equals(expected)) {
                throw new IllegalStateException("The restored store differs from the export: the file says " + expected
                        + ", the store holds " + stored);
            }
            log.info("Import: {} nodes, {} relationships in {} ms, sha256 {}", stored.nodes(), stored.relationships(),
                    (System.nanoTime() - started) / 1_000_000, stored.sha256());
            return stored;
        } finally {
            graph.write(tx -> tx.run(DROP_PENDING_INDEX).consume());
        }
    }

    private static void header(Lines lines) {
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

    private static JsonNode body(Graph graph, Lines lines) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> relationships = new ArrayList<>();
        for (JsonNode line = lines.next(); ; line = lines.next()) {
            if (line == null) {
                throw new IllegalArgumentException("The export ends at line " + lines.number + " without its end line: it was cut short");
            }
            String where = "line " + lines.number;
            if (line.has("node")) {
                if (!relationships.isEmpty() || lines.relationships > 0) {
                    throw new IllegalArgumentException(where + ": a node after the relationships");
                }
                Map<String, Object> row = new HashMap<>();
                row.put("id", text(line, "node", where));
                List<String> labels = new ArrayList<>();
                line.path("labels").forEach(l -> labels.add(l.asString()));
                if (labels.isEmpty()) {
                    throw new IllegalArgumentException(where + ": a node without labels");
                }
                row.put("labels", labels);
                row.put("properties", PropertyCodec.decode(line.get("properties"), where));
                nodes.add(row);
                if (nodes.size() == BATCH) {
                    writeNodes(graph, nodes);
                }
            } else if (line.has("rel")) {
                writeNodes(graph, nodes);
                Map<String, Object> row = new HashMap<>();
                row.put("type", text(line, "rel", where));
                row.put("from", text(line, "from", where));
                row.put("to", text(line, "to", where));
                row.put("properties", PropertyCodec.decode(line.get("properties"), where));
                relationships.add(row);
                lines.relationships++;
                if (relationships.size() == BATCH) {
                    writeRelationships(graph, relationships, lines.number);
                }
            } else if (line.path("end").asBoolean(false)) {
                writeNodes(graph, nodes);
                writeRelationships(graph, relationships, lines.number);
                if (lines.next() != null) {
                    throw new IllegalArgumentException("line " + lines.number + ": lines after the end line");
                }
                return line;
            } else {
                throw new IllegalArgumentException(where + ": neither a node, a relationship nor the end");
            }
        }
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

    /** Lines of the file as JSON, each at most {@link #MAX_LINE_CHARS} long; blank lines are skipped. */
    private static final class Lines {

        private final BufferedReader reader;
        private final StringBuilder buffer = new StringBuilder();
        long number;
        long relationships;

        Lines(BufferedReader reader) {
            this.reader = reader;
        }

        JsonNode next() {
            try {
                while (true) {
                    buffer.setLength(0);
                    int c;
                    while ((c = reader.read()) >= 0 && c != '\n') {
                        if (buffer.length() == MAX_LINE_CHARS) {
                            throw new IllegalArgumentException("line " + (number + 1) + " is longer than " + MAX_LINE_CHARS + " characters");
                        }
                        buffer.append((char) c);
                    }
                    if (c < 0 && buffer.isEmpty()) {
                        return null;
                    }
                    number++;
                    if (!buffer.toString().isBlank()) {
                        return JSON.readTree(buffer.toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the export at line " + (number + 1) + ": " + e.getMessage(), e);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("line " + number + " is not JSON: " + e.getOriginalMessage());
            }
        }
    }
}
