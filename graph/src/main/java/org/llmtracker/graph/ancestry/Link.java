package org.llmtracker.graph.ancestry;

import java.util.List;

/** A link in the direction of a walk: {@code to} is one generation further from the start than {@code from}. */
public record Link(String from, String to, String relation, List<String> stages) {
}
