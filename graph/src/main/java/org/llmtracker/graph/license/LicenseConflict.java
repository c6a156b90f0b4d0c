package org.llmtracker.graph.license;

/**
 * A model whose licence drops the terms of an ancestor's.
 *
 * @param depth generations between the model and that ancestor
 */
public record LicenseConflict(String id, String name, String license, String ancestor, String ancestorLicense,
        String reason, Integer depth, Long downloads) {
}
