package org.llmtracker.graph.history;

import java.time.Instant;
import java.util.List;

/**
 * A repository's GitHub figures over time, oldest first.
 *
 * @param fullName the repository's key (lower case, its current name)
 * @param name     its name as GitHub spells it
 */
public record RepositoryHistory(String fullName, String name, List<Point> points) {

    public RepositoryHistory {
        points = List.copyOf(points);
    }

    public record Point(Instant at, Long stars, Long forks) {
    }
}
