package org.llmtracker.graph.hub;

import static org.llmtracker.graph.store.DriverValues.dateTime;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.llmtracker.graph.naming.Ids;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.ModelKeys;
import org.neo4j.driver.TransactionContext;

/**
 * Version links from Hub model cards: a card's {@code new_version: <id>} says the model has a
 * newer release, stored as {@code (newer)-[:NEW_VERSION_OF {sources: ['hf-card']}]->(model)},
 * never as a derivation. Each card speaks for its own model only: when it names another newer
 * model, or none, the card's claim on the old link is withdrawn (the link goes when no source is
 * left, so a catalogue {@code newVersionOf} keeps it). A newer model the graph does not hold yet
 * is created as a stub, as a declared parent is, and filled when it is crawled or listed.
 */
public final class CardVersions {

    public static final String SOURCE = "hf-card";

    // Ids resolve through aliases, like every writer: a card naming a catalogued Hub id lands on the entry.
    private static final String WRITE = """
            UNWIND $rows AS row
            OPTIONAL MATCH (:Alias {id: row.model})-[:ALIAS_OF]->(ma:Model)
            OPTIONAL MATCH (mm:Model {id: row.model})
            WITH row, coalesce(ma, mm) AS m
            WHERE m IS NOT NULL
            OPTIONAL MATCH (:Alias {id: row.newer})-[:ALIAS_OF]->(na:Model)
            OPTIONAL MATCH (nm:Model {id: row.newer})
            WITH row, m, coalesce(na, nm) AS known
            CALL (m, row, known) {
              OPTIONAL MATCH (m)<-[old:NEW_VERSION_OF]-(o:Model)
              WHERE $source IN old.sources AND (known IS NULL OR o <> known)
              SET old.sources = [s IN old.sources WHERE s <> $source]
              WITH old WHERE old IS NOT NULL AND size(old.sources) = 0
              DELETE old
            }
            WITH row, m, known
            WHERE row.newer IS NOT NULL AND (known IS NULL OR known <> m)
            CALL (row, known) {
              WITH row, known WHERE known IS NULL
              MERGE (stub:Model {id: row.newer})
              ON CREATE SET stub.name = row.newerHfId, stub.hfId = row.newerHfId, stub.kind = 'model',
                            stub.catalogued = false, stub.firstSeenAt = $now, stub.updatedAt = $now
              """ + ModelKeys.set("stub") + """
              RETURN stub AS newer
              UNION
              WITH known WHERE known IS NOT NULL
              RETURN known AS newer
            }
            MERGE (newer)-[v:NEW_VERSION_OF]->(m)
            ON CREATE SET v.sources = [], v.observedAt = $now
            SET v.sources = CASE WHEN $source IN v.sources THEN v.sources ELSE v.sources + $source END
            """;

    private final Graph graph;

    public CardVersions(Graph graph) {
        this.graph = graph;
    }

    /** What one card says: {@code newer} is its {@code new_version}, or null when it names none. */
    public record CardVersion(String model, String newer) {

        public CardVersion {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("a card version needs the model whose card it is");
            }
            newer = newer == null || newer.isBlank() ? null : newer.trim();
        }
    }

    public void write(List<CardVersion> cards, Instant now) {
        if (!cards.isEmpty()) {
            graph.write(tx -> {
                write(tx, cards, now);
                return null;
            });
        }
    }

    /** The same, inside a caller's transaction (a crawled family is stored in one). */
    public static void write(TransactionContext tx, List<CardVersion> cards, Instant now) {
        List<Map<String, Object>> rows = cards.stream().map(c -> {
            Map<String, Object> row = new HashMap<>();
            row.put("model", Ids.model(c.model()));
            row.put("newer", c.newer() == null ? null : Ids.model(c.newer()));
            row.put("newerHfId", c.newer());
            return row;
        }).toList();
        tx.run(WRITE, Map.of("rows", rows, "source", SOURCE, "now", dateTime(now))).consume();
    }
}
