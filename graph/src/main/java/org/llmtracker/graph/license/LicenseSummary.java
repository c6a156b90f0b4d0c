package org.llmtracker.graph.license;

import java.util.List;
import java.util.Map;

/**
 * Licences across the graph: models by licence, judged models by verdict, and the (ancestor
 * licence, licence) pairs the verdicts were told against, most conflicts first.
 *
 * @param countedAt when the licence refresh counted them; null when counted for this answer
 * @param counted   false when the store is too large to count on request and no refresh has counted it yet
 */
public record LicenseSummary(Map<String, Long> byLicense, Map<String, Long> byVerdict, List<Pair> pairs,
        java.time.Instant countedAt, boolean counted) {

    static LicenseSummary notCounted() {
        return new LicenseSummary(Map.of(), Map.of(), List.of(), null, false);
    }

    public LicenseSummary {
        byLicense = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byLicense));
        byVerdict = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byVerdict));
        pairs = List.copyOf(pairs);
    }

    /** Models of licence {@code license} judged against an ancestor under {@code ancestorLicense}. */
    public record Pair(String ancestorLicense, String license, long models, long conflicts, long naming, long unknown) {
    }
}
