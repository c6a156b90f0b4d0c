package org.llmtracker.graph.history;

import java.time.Instant;
import java.util.List;

/** A model's Hugging Face figures over time, oldest first. */
public record ModelHistory(String id, List<Point> points) {

    public ModelHistory {
        points = List.copyOf(points);
    }

    public record Point(Instant at, Long downloads, Long likes) {
    }
}
