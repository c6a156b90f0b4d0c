package org.llmtracker.graph.repository;

import java.time.Instant;
import java.util.List;

/** What GitHub says about a repository right now. */
public record RepositoryFacts(String fullName, String name, String url, String description, long stars, long forks,
        long watchers, long openIssues, String license, List<String> topics, Instant pushedAt, boolean archived) {

    public RepositoryFacts {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
