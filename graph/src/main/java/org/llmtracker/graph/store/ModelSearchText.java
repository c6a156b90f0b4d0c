package org.llmtracker.graph.store;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one text of a model that search reads through a TEXT index: its id, then its name and Hub id
 * in lower case, one line each. A trigram TEXT index serves {@code CONTAINS} on it, so a search
 * finds a word inside another word ({@code llama} in {@code StackLLaMA}) as the scan it replaced
 * did, without reading every model. The text is only a superset of the answer (a query could span
 * two lines), so search checks each candidate against the fields themselves.
 *
 * <p>Derived, like an index: every writer that creates a model or sets its id, name or Hub id sets
 * it with {@link #set}, the export leaves it out and the import refills it, and {@link #fill} gives
 * it to the models of a store written before it existed. Aliases have their own TEXT index on
 * {@code Alias.id}, so writing an alias never touches the model.
 */
public final class ModelSearchText {

    public static final String PROPERTY = "searchText";

    /** Models filled per transaction when a store from an older version first starts. */
    static final int FILL_BATCH = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ModelSearchText.class);

    private static final String EXPRESSION = "%1$s.id + '\\n' + toLower(coalesce(%1$s.name, '')) + '\\n'"
            + " + toLower(coalesce(%1$s.hfId, ''))";

    // Counted from the count store and from the TEXT index, so a filled store costs no scan at start.
    private static final String UNFILLED = """
            CALL { MATCH (m:Model) RETURN count(m) AS models }
            CALL { MATCH (m:Model) WHERE m.searchText IS :: STRING NOT NULL RETURN count(m) AS filled }
            RETURN models - filled AS missing
            """;

    // Walks the ids in order through the id constraint's index, a batch a transaction.
    private static final String FILL = """
            MATCH (m:Model) WHERE m.id > $after
            WITH m ORDER BY m.id LIMIT $limit
            WITH m, %s AS text
            CALL (m, text) { WITH m, text WHERE m.searchText IS NULL OR m.searchText <> text SET m.searchText = text }
            RETURN count(m) AS seen, max(m.id) AS last
            """.formatted(expression("m"));

    private ModelSearchText() {
    }

    /** The text of the model bound to {@code variable}, as a Cypher expression. */
    public static String expression(String variable) {
        return EXPRESSION.formatted(variable);
    }

    /** A whole {@code SET} clause that keeps the text of {@code variable}, after its id, name and Hub id are written. */
    public static String set(String variable) {
        return "SET " + variable + "." + PROPERTY + " = " + expression(variable) + "\n";
    }

    /**
     * Gives every model its text, in batches, when some lack it (a store from before the text, an
     * import); a filled store costs two counts. Returns how many models were missing it.
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
        log.info("Search text given to {} models in {} ms", missing, (System.nanoTime() - started) / 1_000_000);
        return missing;
    }

    private record Batch(long seen, String last) {
    }
}
