package org.llmtracker.graph.hub;

/**
 * What the Hub says of a model, stored in {@code Model.hfStatus} as {@link #stored()} (the stored
 * values are part of the data: reads and Cypher filter on them).
 */
public enum HubStatus {
    /** Listed or described. */
    OK("ok"),
    /** Listed, but its files need the owner's approval. */
    GATED("gated"),
    /** The Hub answers that it no longer exists. */
    GONE("gone"),
    /** Kept, but no listing has shown it since a complete one. */
    UNLISTED("unlisted");

    private final String stored;

    HubStatus(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }

    /** A listed model's status from the listing's {@code gated} field. */
    static HubStatus listed(Boolean gated) {
        return Boolean.TRUE.equals(gated) ? GATED : OK;
    }
}
