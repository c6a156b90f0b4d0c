package org.llmtracker.graph.store;

import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three properties of a model derived from its id, name and Hub id, kept so that search and lists
 * read an index instead of every model:
 * <ul>
 * <li>{@code searchText}: its id, then its name and Hub id in lower case, one line each. A trigram
 * TEXT index serves {@code CONTAINS} on it, so a search finds a word inside another word
 * ({@code llama} in {@code StackLLaMA}) without reading every model. A query with a line break
 * could span two lines of it, so search checks the candidates of such a query against the fields
 * themselves.
 * <li>{@code nameKey}: its name in lower case (its id when it has no name), what a list sorts by
 * name, and what ties of every other order are broken by; a range index gives it in order, so a
 * page of a list by name reads its own models only ({@code OrderedWalk}).
 * <li>{@code shortName}: its id after the last slash ({@code llama-3-8b} of
 * {@code meta-llama/llama-3-8b}), what people type into search; a range index seeks the models
 * whose short name starts with the typed text, each of which holds it, so a common prefix is
 * found to match thousands without the trigram index ({@code BroadText}).
 * </ul>
 *
 * <p>Derived, like an index: every writer that creates a model or sets its id, name or Hub id sets
 * them with {@link #set}, the export leaves them out and the import refills them, and {@link #fill}
 * gives them to the models of a store written before they existed. Aliases have their own TEXT
 * index on {@code Alias.id}, so writing an alias never touches the model.
 */
public final class ModelKeys {

    public static final String SEARCH_TEXT = "searchText";

    public static final String NAME_KEY = "nameKey";

    public static final String SHORT_NAME = "shortName";

    /** What the export leaves out of a model. */
    public static final Set<String> DERIVED = Set.of(SEARCH_TEXT, NAME_KEY, SHORT_NAME);

    /** Models filled per transaction when a store from an older version first starts. */
    static final int FILL_BATCH = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ModelKeys.class);

    private static final String EXPRESSION = "%1$s.id + '\\n' + toLower(coalesce(%1$s.name, '')) + '\\n'"
            + " + toLower(coalesce(%1$s.hfId, ''))";

    private static final String NAME_EXPRESSION = "toLower(coalesce(%1$s.name, %1$s.id))";

    private static final String SHORT_NAME_EXPRESSION = "last(split(%1$s.id, '/'))";

    // Counted from the count store and from the three indexes, so a filled store costs no scan at start.
    private static final String UNFILLED = """
            CALL { MATCH (m:Model) RETURN count(m) AS models }
            CALL { MATCH (m:Model) WHERE m.searchText IS :: STRING NOT NULL RETURN count(m) AS filled }
            CALL { MATCH (m:Model) WHERE m.nameKey IS :: STRING NOT NULL RETURN count(m) AS keyed }
            CALL { MATCH (m:Model) WHERE m.shortName IS :: STRING NOT NULL RETURN count(m) AS named }
            UNWIND [filled, keyed, named] AS present
            WITH models, min(present) AS least
            RETURN models - least AS missing
            """;

    // Walks the ids in order through the id constraint's index, a batch a transaction.
    private static final String FILL = """
            MATCH (m:Model) WHERE m.id > $after
            WITH m ORDER BY m.id LIMIT $limit
            WITH m, %s AS text, %s AS nameKey, %s AS shortName
            CALL (m, text, nameKey, shortName) {
              WITH m, text, nameKey, shortName WHERE m.searchText IS NULL OR m.searchText <> text OR m.nameKey IS NULL
                OR m.nameKey <> nameKey OR m.shortName IS NULL OR m.shortName <> shortName
              SET m.searchText = text, m.nameKey = nameKey, m.shortName = shortName
            }
            RETURN count(m) AS seen, max(m.id) AS last
            """.formatted(expression("m"), NAME_EXPRESSION.formatted("m"), SHORT_NAME_EXPRESSION.formatted("m"));

    private ModelKeys() {
    }

    /** The text of the model bound to {@code variable}, as a Cypher expression. */
    public static String expression(String variable) {
        return EXPRESSION.formatted(variable);
    }

    /** A whole {@code SET} clause that keeps the three keys of {@code variable}, after its id, name and Hub id are written. */
    public static String set(String variable) {
        return "SET " + variable + "." + SEARCH_TEXT + " = " + expression(variable) + ", " + variable + "." + NAME_KEY
                + " = " + NAME_EXPRESSION.formatted(variable) + ", " + variable + "." + SHORT_NAME + " = "
                + SHORT_NAME_EXPRESSION.formatted(variable) + "\n";
    }

    /**
     * Gives every model its keys, in batches, when some lack them (a store from before them, an
     * import); a filled store costs three counts. Returns how many models were missing them.
     */
    public static long fill(Graph graph) {
        long missing = graph.read(tx -> tx.run(UNFILLED).single().get("missing").asLong());
        if (missing == 0) {
            return 0;
        }
        long started = System.nanoTime();
        String after = "";
        long seen;
        do {
            String from = after;
            Batch batch = graph.write(tx -> {
                var r = tx.run(FILL, Map.of("after", from, "limit", FILL_BATCH)).single();
                return new Batch(r.get("seen").asLong(), r.get("last").isNull() ? from : r.get("last").asString());
            });
            seen = batch.seen();
            after = batch.last();
        } while (seen == FILL_BATCH);
        log.info("Search text, name key and short name given to {} models in {} ms", missing, (System.nanoTime() - started) / 1_000_000);
        return missing;
    }

    private record Batch(long seen, String last) {
    }
}
