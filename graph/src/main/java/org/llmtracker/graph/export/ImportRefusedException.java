package org.llmtracker.graph.export;

/** An import that cannot go ahead: the store is not empty, or the file is not an export this version reads. */
public class ImportRefusedException extends RuntimeException {

    public ImportRefusedException(String message) {
        super(message);
    }

    public ImportRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
