package org.llmtracker.graph.model;

import static org.llmtracker.graph.model.ModelSearch.FILTERS;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Whether a search's text is held by more models than {@link ModelSearch} orders whole, asked
 * before anything else reads its matches: the first letters people type are, and counting their
 * matches in the trigram index would read thousands of its entries for each keystroke.
 */
final class BroadText {

    /**
     * Up to {@code $cap} of the top {@code $scan} models by downloads whose search text holds
     * {@code $q} and that pass the filters, then {@code ret}.
     */
    private static String topHolding(String ret) {
        return """
                MATCH (m:Model) USING INDEX m:Model(downloads) WHERE m.downloads IS NOT NULL
                WITH m ORDER BY m.downloads DESC LIMIT $scan
                WITH m WHERE m.searchText CONTAINS $q AND %s
                WITH m LIMIT $cap
                """.formatted(FILTERS) + ret + "\n";
    }

    /**
     * Whether more than {@code $cap - 1} models hold one character, read down the downloads index:
     * the trigram index has no trigram to seek for a single character and reads all of itself to
     * count (48 ms for {@code l} at 1M models, where a common letter fills the cap from the top of
     * the downloads index in 10 ms). Fewer found within {@code $scan} models proves nothing; the
     * indexed count then decides.
     */
    static final String ONE_CHARACTER_IS_BROAD = topHolding("RETURN count(m) = $cap AS broad");

    /**
     * The search texts, up to {@code $cap}, of the top {@code $scan} models by downloads that hold
     * one character: they say whether it is common (a rare letter would pay a whole fruitless walk
     * before its count: {@code q} at 4M, 7 ms counted, 41 ms walked first) and which trigram holding
     * it is commonest.
     */
    static final String ONE_CHARACTER_SAMPLE = topHolding("RETURN collect(m.searchText) AS texts");

    /**
     * Whether at least {@code $cap} models hold {@code $trigram}, a trigram holding the typed
     * character: every such model holds the character, so the search is broad. A seek of the
     * trigram index, 1-5 ms at 1M models for a trigram held by 17k to 376k of them, where walking
     * the downloads index until {@code q} fills the cap read 10,000 models (about 40 ms).
     */
    static final String TRIGRAM_MAKES_IT_BROAD = """
            MATCH (m:Model) USING TEXT INDEX m:Model(searchText) WHERE m.searchText CONTAINS $trigram AND %s
            WITH m LIMIT $cap
            RETURN count(m) = $cap AS broad
            """.formatted(FILTERS);

    /**
     * Whether at least {@code $cap} ids, or short names, start with the text: every such model
     * holds it (both are its id or part of it, {@link org.llmtracker.graph.store.ModelKeys}), so
     * the search is broad without the trigram index, which reads its entries for 2,001 matches in
     * 10-20 ms at 1M models; a prefix seek reads 2,001 index entries and no model. As-you-type
     * searches are mostly the first letters of an organisation or of a model's own name.
     */
    static final String PREFIXES_MAKE_IT_BROAD = """
            CALL { MATCH (m:Model) WHERE m.id STARTS WITH $q AND %1$s WITH m LIMIT $cap RETURN count(m) AS ids }
            CALL {
              MATCH (m:Model) USING INDEX SEEK m:Model(shortName) WHERE m.shortName STARTS WITH $q AND %1$s
              WITH m LIMIT $cap
              RETURN count(m) AS names
            }
            RETURN ids = $cap OR names = $cap AS broad
            """.formatted(FILTERS);

    /** The models by downloads that tell a common letter from a rare one. */
    static final int SAMPLE = 1_000;

    private BroadText() {
    }

    /**
     * Whether more than {@code exactUpTo} models hold {@code $q}, when it can be told without the
     * trigram index's count: by ids or short names starting with it, or, for one character, by
     * its commonest trigram or a walk down the downloads index. False when only counting tells.
     */
    static boolean isBroad(TransactionContext tx, Map<String, Object> params, int exactUpTo, int walkBudget) {
        String q = (String) params.get("q");
        return tx.run(PREFIXES_MAKE_IT_BROAD, params).single().get("broad").asBoolean()
                || (q.codePointCount(0, q.length()) == 1 && oneCharacterIsBroad(tx, params, exactUpTo, walkBudget));
    }

    /**
     * Whether more than {@code exactUpTo} models hold the one character {@code $q}: proven by its
     * commonest trigram among the most downloaded models that hold it, or else, when the letter is
     * common among them, by a walk down the downloads index.
     */
    private static boolean oneCharacterIsBroad(TransactionContext tx, Map<String, Object> params, int exactUpTo,
            int walkBudget) {
        long common = ceilDiv(exactUpTo * (long) SAMPLE, walkBudget);
        Map<String, Object> sample = new HashMap<>(params);
        sample.put("scan", SAMPLE);
        sample.put("cap", Math.max(1, common));
        List<String> texts = tx.run(ONE_CHARACTER_SAMPLE, sample).single().get("texts").asList(Value::asString);
        Optional<String> trigram = commonestTrigram(texts, (String) params.get("q"));
        if (trigram.isPresent()) {
            Map<String, Object> seek = new HashMap<>(params);
            seek.put("trigram", trigram.get());
            if (tx.run(TRIGRAM_MAKES_IT_BROAD, seek).single().get("broad").asBoolean()) {
                return true;
            }
        }
        return texts.size() >= common && holdsAtLeast(tx, params, walkBudget, exactUpTo + 1);
    }

    /**
     * The three characters holding {@code character} that the most {@code texts} hold (ties to the
     * first in string order); none across a line break, which no typed text holds.
     */
    static Optional<String> commonestTrigram(List<String> texts, String character) {
        Map<String, Integer> held = new HashMap<>();
        for (String text : texts) {
            int[] points = text.codePoints().toArray();
            Set<String> here = new HashSet<>();
            for (int i = 0; i + 3 <= points.length; i++) {
                String trigram = new String(points, i, 3);
                if (trigram.contains(character) && trigram.indexOf('\n') < 0) {
                    here.add(trigram);
                }
            }
            here.forEach(t -> held.merge(t, 1, Integer::sum));
        }
        return held.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }

    /** Whether the top {@code scan} models by downloads hold the one character {@code at least} times. */
    private static boolean holdsAtLeast(TransactionContext tx, Map<String, Object> params, int scan, long atLeast) {
        Map<String, Object> walk = new HashMap<>(params);
        walk.put("scan", scan);
        walk.put("cap", Math.max(1, atLeast));
        return tx.run(ONE_CHARACTER_IS_BROAD, walk).single().get("broad").asBoolean();
    }

    private static long ceilDiv(long x, long y) {
        return (x + y - 1) / y;
    }
}
