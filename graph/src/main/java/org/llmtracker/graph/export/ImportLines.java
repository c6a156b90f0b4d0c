package org.llmtracker.graph.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lines of the file as JSON, each at most {@link GraphImport#MAX_LINE_CHARS} long; blank lines are skipped. */
final class ImportLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BufferedReader reader;
    private final Writer copy;
    private final StringBuilder buffer = new StringBuilder();
    long number;
    long relationships;

    /** @param copy where each line read is copied as read (the first pass's spool); null for none */
    ImportLines(BufferedReader reader, Writer copy) {
        this.reader = reader;
        this.copy = copy;
    }

    JsonNode next() {
        try {
            while (true) {
                buffer.setLength(0);
                int c;
                while ((c = reader.read()) >= 0 && c != '\n') {
                    if (buffer.length() == GraphImport.MAX_LINE_CHARS) {
                        throw new IllegalArgumentException("line " + (number + 1) + " is longer than " + GraphImport.MAX_LINE_CHARS + " characters");
                    }
                    buffer.append((char) c);
                }
                if (c < 0 && buffer.isEmpty()) {
                    return null;
                }
                number++;
                if (copy != null) {
                    copy.append(buffer).append('\n');
                }
                if (!buffer.toString().isBlank()) {
                    return JSON.readTree(buffer.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the export at line " + (number + 1) + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("line " + number + " is not JSON: " + e.getOriginalMessage());
        }
    }
}
