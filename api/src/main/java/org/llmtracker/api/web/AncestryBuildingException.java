package org.llmtracker.api.web;

import org.llmtracker.graph.ancestry.AncestryProgress;

/** A lineage read asked while the ancestry index is deferred or being built (answered 503). */
public class AncestryBuildingException extends RuntimeException {

    private final transient AncestryProgress progress;

    public AncestryBuildingException(AncestryProgress progress) {
        super(message(progress));
        this.progress = progress;
    }

    public AncestryProgress progress() {
        return progress;
    }

    private static String message(AncestryProgress progress) {
        return switch (progress.phase()) {
            case "deferred" -> "A first fill is writing the store; the ancestry index is built when it ends";
            case "rows" -> "The ancestry index is being built: " + progress.done() + " of " + progress.total()
                    + " batches written";
            default -> "The ancestry index is being built (" + progress.phase() + ")";
        };
    }
}
