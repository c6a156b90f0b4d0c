package org.llmtracker.crawler.tables;

/** A document the importer will not read (nested too deep to parse safely); the message says where. */
public class TableImportException extends RuntimeException {

    public TableImportException(String message) {
        super(message);
    }
}
