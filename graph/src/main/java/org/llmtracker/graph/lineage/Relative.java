package org.llmtracker.graph.lineage;

import java.util.List;

/**
 * A model related to the one asked about, at its shortest lineage distance.
 *
 * @param relation  how the link at this model's end of the shortest path was made (for
 *                  descendants, how this model derives from its parent; for ancestors, how
 *                  the child on the path derives from this model)
 * @param relations every relation among the links at that distance (a merge may have several)
 * @param stages    the training stages those links name
 * @param via       the neighbour one step closer to the model asked about
 */
public record Relative(String id, String name, String kind, int depth, String relation, List<String> relations,
        List<String> stages, String via, Long downloads, Long likes, boolean catalogued) {
}
