package org.llmtracker.graph.model;

/** A model as lists show it. */
public record ModelSummary(
        String id,
        String name,
        String kind,
        String organisation,
        Long parameters,
        String parameterLabel,
        Boolean openSource,
        String region,
        String releasedAt,
        boolean catalogued,
        String hfId,
        Long downloads,
        Long likes) {
}
