package org.llmtracker.graph.ancestry;

/**
 * Where a first fill of the ancestry index stands: {@code deferred} (writers are filling the
 * store and leave the index to the build), {@code clearing}, {@code rows} ({@code done} of
 * {@code total} batches written) or {@code counts}.
 */
public record AncestryProgress(String phase, long done, long total) {
}
