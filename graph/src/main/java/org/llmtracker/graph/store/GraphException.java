package org.llmtracker.graph.store;

/** The graph module's one unchecked exception: a store fault that a caller cannot fix by changing its input. */
public class GraphException extends RuntimeException {

    public GraphException(String message, Throwable cause) {
        super(message, cause);
    }

    public GraphException(String message) {
        super(message);
    }
}
