package org.llmtracker.graph.lineage;

import java.util.List;

/**
 * A model related to the one asked about, at its shortest lineage distance.
 *
 * @param relation   how the link at this model's end of the shortest path was made (for
 *                   descendants, how this model derives from its parent; for ancestors, how
 *                   the child on the path derives from this model); {@code NEW_VERSION_OF} for a
 *                   later version of the model asked about
 * @param relations  every relation among the links at that distance (a merge may have several)
 * @param stages     the training stages those links name
 * @param via        the neighbour one step closer to the model asked about (for a later version,
 *                   the version it succeeds)
 * @param generation with {@code generations=true} only: the version of the model asked about
 *                   (itself or a later one) that this relative derives from, or is; null otherwise
 * @param sources    who asserts the link at this model's end of the path ({@code catalog}, {@code hf-card},
 *                   {@code hf-tag}, {@code inferred})
 * @param confidence for an inferred link, how sure inference is (0..1); null for a declared one
 */
public record Relative(String id, String name, String kind, int depth, String relation, List<String> relations,
        List<String> stages, String via, Long downloads, Long likes, boolean catalogued, String generation,
        List<String> sources, Double confidence) {

    /** The relation a later version is reported with: a new generation, not a derivation. */
    public static final String NEW_VERSION = "NEW_VERSION_OF";

    Relative inGeneration(String version) {
        return new Relative(id, name, kind, depth, relation, relations, stages, via, downloads, likes, catalogued, version,
                sources, confidence);
    }
}
