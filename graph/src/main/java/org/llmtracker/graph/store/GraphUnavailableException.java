package org.llmtracker.graph.store;

/** Neo4j could not be reached (server down, routing table lost); retrying later may succeed. */
public class GraphUnavailableException extends GraphException {

    public GraphUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
