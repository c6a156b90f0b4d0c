package org.llmtracker.graph.lineage;

import java.util.List;

/** The shortest chain of derivations joining two models, in either direction along each link. */
public record LineagePath(int length, List<Step> nodes, List<Link> links) {

    public record Step(String id, String name) {
    }

    /** One link of the path: {@code child} derives from {@code parent}. */
    public record Link(String child, String parent, String relation) {
    }
}
