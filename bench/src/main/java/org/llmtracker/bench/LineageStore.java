package org.llmtracker.bench;

import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;

/**
 * One store under test: it loads a generated graph and answers the benchmark's questions.
 * Every walk is bounded by {@link #MAX_DEPTH} generations, which is deeper than any lineage
 * the generator makes, so the bound never changes an answer.
 */
public interface LineageStore extends AutoCloseable {

    int MAX_DEPTH = 16;

    String name();

    Ingest load(LineageData data);

    /** How many models derive from {@code root}, directly or not. */
    Answer descendantCount(String root);

    /** Descendants whose link at their shortest distance is {@code relation}: the total and the top {@code limit} by downloads. */
    Answer descendantsByRelation(String root, Relation relation, int limit);

    /** Descendants whose links at their shortest distance name training stage {@code stage}: the total and the top {@code limit}. */
    Answer descendantsByStage(String root, Stage stage, int limit);

    /** The total and the top {@code limit} descendants by downloads (then id). */
    Answer topDescendants(String root, int limit);

    /** Every ancestor, nearest first (then by id). */
    Answer ancestors(String id);

    /** The length of the shortest lineage path, links followed either way; -1 when none. */
    Answer pathLength(String from, String to);

    /**
     * The models at most {@code depth} generations below {@code root} as a tree shows them: how
     * many, and for each (sorted by id) {@code id|name|downloads|relation|derivatives}, the
     * relation being that of the link from the parent that reaches it first. With at most
     * {@code maxNodes} models, the root included, the tree keeps them in the order a
     * breadth-first walk meets them: by generation, then by the id of the parent that reaches
     * them first, then by their own id.
     */
    Answer tree(String root, int depth, int maxNodes);

    /**
     * The models that derive from nothing and have descendants: how many, and the first
     * {@code limit} by descendants (then id), each {@code id|descendants|deepest|RELATION=n,...}.
     */
    Answer families(int limit);

    @Override
    void close();

    /** How long loading took. */
    record Ingest(int models, int edges, double seconds) {

        public double modelsPerSecond() {
            return models / seconds;
        }

        public double edgesPerSecond() {
            return edges / seconds;
        }
    }
}
