package org.llmtracker.graph.history;

import static org.llmtracker.graph.store.DriverValues.instant;
import static org.llmtracker.graph.store.DriverValues.number;

import java.util.Map;
import java.util.Optional;

import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.store.Graph;
import org.neo4j.driver.Record;

/**
 * Figures over time, from the append-only {@code :Snapshot} nodes the crawlers write (at most
 * one a day, only when a figure moved): downloads and likes of a model, stars and forks of a
 * repository, oldest first.
 */
public final class HistoryQueries {

    private static final String MODEL = """
            MATCH (m:Model {id: $id})
            OPTIONAL MATCH (m)-[:HAD]->(s:Snapshot)
            WITH m, s ORDER BY s.at
            RETURN m.id AS id, collect(s {.*}) AS snapshots
            """;

    private static final String REPOSITORY = """
            MATCH (r:Repository {fullName: $name})
            OPTIONAL MATCH (r)-[:HAD]->(s:Snapshot)
            WITH r, s ORDER BY s.at
            RETURN r.fullName AS fullName, coalesce(r.name, r.fullName) AS name, collect(s {.*}) AS snapshots
            """;

    /** A renamed repository keeps its old names in {@code aliases}; there are few repositories, so a scan is fine. */
    private static final String RENAMED = """
            MATCH (r:Repository) WHERE $name IN coalesce(r.aliases, [])
            RETURN r.fullName AS fullName ORDER BY fullName LIMIT 1
            """;

    private final Graph graph;

    public HistoryQueries(Graph graph) {
        this.graph = graph;
    }

    /** Downloads and likes of a model by its canonical id; empty when there is no such model. */
    public Optional<ModelHistory> model(String id) {
        return graph.read(tx -> tx.run(MODEL, Map.of("id", id)).stream().findFirst()
                .map(r -> new ModelHistory(r.get("id").asString(), r.get("snapshots").asList(s ->
                        new ModelHistory.Point(instant(s.get("at")), number(s.get("downloads")), number(s.get("likes")))))));
    }

    /** Stars and forks of a repository by {@code owner/name}, in any case or by a name it had before a rename. */
    public Optional<RepositoryHistory> repository(String fullName) {
        String name = Ids.repository(fullName);
        return graph.read(tx -> {
            Optional<Record> found = tx.run(REPOSITORY, Map.of("name", name)).stream().findFirst();
            if (found.isEmpty()) {
                Optional<String> current = tx.run(RENAMED, Map.of("name", name)).stream().findFirst()
                        .map(r -> r.get("fullName").asString());
                found = current.flatMap(c -> tx.run(REPOSITORY, Map.of("name", c)).stream().findFirst());
            }
            return found.map(r -> new RepositoryHistory(r.get("fullName").asString(), r.get("name").asString(),
                    r.get("snapshots").asList(s -> new RepositoryHistory.Point(instant(s.get("at")),
                            number(s.get("stars")), number(s.get("forks"))))));
        });
    }
}
