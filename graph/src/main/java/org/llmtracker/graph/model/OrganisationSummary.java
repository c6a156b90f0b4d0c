package org.llmtracker.graph.model;

/** An organisation and how many models it published. */
public record OrganisationSummary(String key, String name, String country, long models) {
}
