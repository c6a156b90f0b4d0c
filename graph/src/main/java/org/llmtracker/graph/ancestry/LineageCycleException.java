package org.llmtracker.graph.ancestry;

/** A new link would make a model its own ancestor. Nothing of the write that found it is stored. */
public final class LineageCycleException extends RuntimeException {

    private final String child;
    private final String parent;

    public LineageCycleException(String child, String parent) {
        super("'" + parent + "' already derives from '" + child + "': linking '" + child + "' to it would make a lineage cycle");
        this.child = child;
        this.parent = parent;
    }

    public String child() {
        return child;
    }

    public String parent() {
        return parent;
    }
}
