package org.llmtracker.api.web;

/** The thing a path names does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException model(String id) {
        return new NotFoundException("No model with id or alias '" + id + "'");
    }
}
