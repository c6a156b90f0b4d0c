package org.llmtracker.graph.repository;

import java.time.Instant;

/** A release, or a bare tag (then {@code publishedAt} is null) where a repository publishes no releases. */
public record ReleaseFacts(String tag, String name, Instant publishedAt, boolean prerelease, String url) {
}
