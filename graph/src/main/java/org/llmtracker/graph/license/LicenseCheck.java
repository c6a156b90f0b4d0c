package org.llmtracker.graph.license;

/**
 * A model's licence verdict against its lineage: information, not legal advice.
 *
 * @param verdict         {@code conflict}, {@code naming}, {@code unknown} or {@code ok}
 * @param ancestor        the ancestor it was judged against (null: no ancestor under terms to keep)
 * @param ancestorLicense that ancestor's licence id
 * @param reason          why, as a short key ({@code permissive-over-restrictive}, {@code different-family}, ...)
 * @param depth           generations between the model and that ancestor
 */
public record LicenseCheck(String verdict, String ancestor, String ancestorLicense, String reason, Integer depth) {

    public static final String CONFLICT = "conflict";
    public static final String NAMING = "naming";
    public static final String UNKNOWN = "unknown";
    public static final String OK = "ok";

    /** Conflict outranks naming, naming outranks unknown, unknown outranks ok. */
    int severity() {
        return switch (verdict) {
            case CONFLICT -> 3;
            case NAMING -> 2;
            case UNKNOWN -> 1;
            default -> 0;
        };
    }
}
