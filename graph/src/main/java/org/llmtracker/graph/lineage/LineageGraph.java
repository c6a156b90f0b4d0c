package org.llmtracker.graph.lineage;

import java.util.List;

/**
 * The lineage around one model, ready to draw: every ancestor up to the roots, the most
 * downloaded descendants down to a depth together with the models that join them to it, and
 * every link among the models shown. A large family is cut to a node budget; {@code shown}
 * of {@code descendants} says how much of it is drawn.
 *
 * @param depth       generations of descendants considered
 * @param shown       descendants drawn
 * @param descendants descendants within {@code depth}, drawn or not
 * @param truncated   whether some of them are not drawn
 */
public record LineageGraph(String id, int depth, List<Node> nodes, List<Link> links, int shown, long descendants,
        boolean truncated) {

    public LineageGraph {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    LineageGraph(String id, int depth, List<Node> nodes, List<Link> links, int shown, long descendants) {
        this(id, depth, nodes, links, shown, descendants, shown < descendants);
    }

    /**
     * One model.
     *
     * @param role       {@code self}, {@code ancestor}, {@code descendant}, or {@code co-parent} (another
     *                   parent of a merge shown here, from outside the lineage asked about)
     * @param generation 0 for the model asked about, negative above it, positive below; null for a co-parent
     */
    public record Node(String id, String name, Long downloads, boolean catalogued, String role, Integer generation) {
    }

    /**
     * A link: {@code child} derives from {@code parent}.
     *
     * @param sources    who asserts it ({@code catalog}, {@code hf-card}, {@code hf-tag}, {@code inferred})
     * @param confidence for an inferred link, how sure the inference is (0..1); null for a declared one
     */
    public record Link(String child, String parent, String relation, List<String> stages, List<String> sources,
            Double confidence) {
    }
}
