package org.llmtracker.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.llmtracker.graph.model.Relation;
import org.postgresql.PGConnection;

/**
 * The relational baseline: a models table, an edges table indexed both ways, loaded with
 * COPY, and {@code WITH RECURSIVE} queries that answer what {@link Neo4jLineage} answers,
 * with the same semantics (each relative once, at its shortest distance; ties by id).
 */
public final class PostgresLineage implements LineageStore {

    private static final int CHUNK = 100_000;

    /** Descendants with their shortest distance; {@code ?} are the root, the root again and the depth bound. */
    private static final String KIN_DOWN = """
            WITH RECURSIVE walk(id, depth) AS (
                SELECT child, 1 FROM edges WHERE parent = ?
              UNION
                SELECT e.child, w.depth + 1 FROM walk w JOIN edges e ON e.parent = w.id WHERE w.depth < ?
            ), kin AS (SELECT id, min(depth) AS depth FROM walk WHERE id <> ? GROUP BY id)
            """;

    private final Connection connection;

    public PostgresLineage(String url, String user, String password) {
        try {
            connection = DriverManager.getConnection(url, user, password);
            try (Statement s = connection.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS llm_bench CASCADE");
                s.execute("CREATE SCHEMA llm_bench");
                s.execute("SET search_path TO llm_bench");
                // Recursive walks over hundreds of thousands of rows hash and sort; let them do it in memory.
                s.execute("SET work_mem TO '256MB'");
                s.execute("CREATE TABLE organisations (key text PRIMARY KEY)");
                s.execute("""
                        CREATE TABLE models (id text PRIMARY KEY, name text NOT NULL,
                                             organisation text NOT NULL REFERENCES organisations, downloads bigint)""");
                s.execute("""
                        CREATE TABLE edges (child text NOT NULL REFERENCES models, parent text NOT NULL REFERENCES models,
                                            relation text NOT NULL, stages text[] NOT NULL, PRIMARY KEY (child, parent))""");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is unreachable at " + url + " as " + user + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public Ingest load(LineageData data) {
        long started = System.nanoTime();
        try {
            TreeSet<String> organisations = new TreeSet<>(List.of(data.organisations()));
            List<String> keys = new ArrayList<>(organisations);
            copy("COPY organisations (key) FROM STDIN", keys.size(), keys::get);
            copy("COPY models (id, name, organisation, downloads) FROM STDIN", data.models(),
                    i -> data.ids()[i] + '\t' + data.ids()[i] + '\t' + data.organisations()[i] + '\t' + data.downloads()[i]);
            copy("COPY edges (child, parent, relation, stages) FROM STDIN", data.edges(),
                    e -> data.ids()[data.edgeChild()[e]] + '\t' + data.ids()[data.edgeParent()[e]] + '\t'
                            + data.edgeRelation()[e].name() + '\t'
                            + data.edgeStages().get(e).stream().map(Enum::name).collect(Collectors.joining(",", "{", "}")));
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE INDEX edges_parent ON edges (parent, child)");
                s.execute("CREATE INDEX models_downloads ON models (downloads DESC)");
                s.execute("ANALYZE organisations, models, edges");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not load PostgreSQL: " + e.getMessage(), e);
        }
        return new Ingest(data.models(), data.edges(), (System.nanoTime() - started) / 1e9);
    }

    private void copy(String sql, int rows, IntFunction<String> line) throws SQLException, IOException {
        var api = connection.unwrap(PGConnection.class).getCopyAPI();
        for (int from = 0; from < rows; from += CHUNK) {
            StringBuilder text = new StringBuilder();
            for (int i = from; i < Math.min(from + CHUNK, rows); i++) {
                text.append(line.apply(i)).append('\n');
            }
            api.copyIn(sql, new StringReader(text.toString()));
        }
    }

    @Override
    public Answer descendantCount(String root) {
        return Answer.of(query(KIN_DOWN + "SELECT count(*) FROM kin", root, MAX_DEPTH, root).get(0).count());
    }

    @Override
    public Answer descendantsByRelation(String root, Relation relation, int limit) {
        return page(KIN_DOWN + """
                , kept AS (
                    SELECT DISTINCT k.id FROM kin k
                    JOIN edges e ON e.child = k.id AND e.relation = ?
                    LEFT JOIN kin p ON p.id = e.parent
                    WHERE (k.depth = 1 AND e.parent = ?) OR p.depth = k.depth - 1)
                SELECT k.id, count(*) OVER () FROM kept k JOIN models m ON m.id = k.id
                ORDER BY m.downloads DESC NULLS LAST, k.id COLLATE "C" LIMIT ?""",
                root, MAX_DEPTH, root, relation.name(), root, limit);
    }

    @Override
    public Answer topDescendants(String root, int limit) {
        return page(KIN_DOWN + """
                SELECT k.id, count(*) OVER () FROM kin k JOIN models m ON m.id = k.id
                ORDER BY m.downloads DESC NULLS LAST, k.id COLLATE "C" LIMIT ?""", root, MAX_DEPTH, root, limit);
    }

    @Override
    public Answer ancestors(String id) {
        return page("""
                WITH RECURSIVE walk(id, depth) AS (
                    SELECT parent, 1 FROM edges WHERE child = ?
                  UNION
                    SELECT e.parent, w.depth + 1 FROM walk w JOIN edges e ON e.child = w.id WHERE w.depth < ?
                ), kin AS (SELECT id, min(depth) AS depth FROM walk WHERE id <> ? GROUP BY id)
                SELECT k.id, count(*) OVER () FROM kin k JOIN models m ON m.id = k.id
                ORDER BY k.depth, m.name COLLATE "C", k.id COLLATE "C" LIMIT 1000""", id, MAX_DEPTH, id);
    }

    /** Lineage is a near-tree: the shortest path climbs from both ends to the nearest shared ancestor. */
    @Override
    public Answer pathLength(String from, String to) {
        return Answer.of(query("""
                WITH RECURSIVE up_a(id, depth) AS (
                    SELECT ?::text, 0
                  UNION
                    SELECT e.parent, u.depth + 1 FROM up_a u JOIN edges e ON e.child = u.id WHERE u.depth < ?
                ), up_b(id, depth) AS (
                    SELECT ?::text, 0
                  UNION
                    SELECT e.parent, u.depth + 1 FROM up_b u JOIN edges e ON e.child = u.id WHERE u.depth < ?
                )
                SELECT coalesce(min(a.depth + b.depth), -1) FROM up_a a JOIN up_b b ON a.id = b.id""",
                from, MAX_DEPTH, to, MAX_DEPTH).get(0).count());
    }

    /**
     * The rows a tree shows, as the application's tree does: each model once at its shortest
     * distance, with the relation of its link to the parent that reaches it first (the smallest
     * id among the parents one generation up), its downloads and how many derivatives it has;
     * sorted as text, as {@link Neo4jLineage#tree} sorts its rows.
     */
    @Override
    public Answer tree(String root, int depth) {
        List<Row> rows = query("""
                WITH RECURSIVE walk(id, depth) AS (
                    SELECT child, 1 FROM edges WHERE parent = ?
                  UNION
                    SELECT e.child, w.depth + 1 FROM walk w JOIN edges e ON e.parent = w.id WHERE w.depth < ?
                ), kin AS (SELECT id, min(depth) AS depth FROM walk WHERE id <> ? GROUP BY id),
                reached AS (
                    SELECT DISTINCT ON (k.id) k.id, e.relation
                    FROM kin k JOIN edges e ON e.child = k.id LEFT JOIN kin p ON p.id = e.parent
                    WHERE (k.depth = 1 AND e.parent = ?) OR p.depth = k.depth - 1
                    ORDER BY k.id, e.parent COLLATE "C")
                SELECT line, 0 FROM (
                    SELECT k.id || '|' || m.name || '|' || coalesce(m.downloads::text, '') || '|' || r.relation || '|'
                               || (SELECT count(*) FROM edges c WHERE c.parent = k.id) AS line
                    FROM kin k JOIN models m ON m.id = k.id JOIN reached r ON r.id = k.id) rows
                ORDER BY line COLLATE "C\"""", root, depth, root, root);
        return new Answer(rows.size(), rows.stream().map(Row::id).toList());
    }

    private Answer page(String sql, Object... parameters) {
        List<Row> rows = query(sql, parameters);
        return new Answer(rows.isEmpty() ? 0 : rows.get(0).count(), rows.stream().map(Row::id).toList());
    }

    private List<Row> query(String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    rows.add(columns == 1 ? new Row(null, result.getLong(1))
                            : new Row(result.getString(1), result.getLong(2)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL query failed: " + e.getMessage(), e);
        }
    }

    private record Row(String id, long count) {
    }

    @Override
    public void close() {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS llm_bench CASCADE");
            connection.close();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("Could not drop the benchmark schema", e));
        }
    }
}
