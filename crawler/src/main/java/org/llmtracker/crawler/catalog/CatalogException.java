package org.llmtracker.crawler.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A catalogue that cannot be used. It carries every problem found, not just the first, so one
 * edit-and-reload cycle fixes them all; the message lists them one per line, each prefixed with
 * the source ({@code catalog.yaml: entry 'alpaca', field baseModels[0].id: unknown base model 'llamma'}).
 */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<CatalogProblem> problems;

    public CatalogException(String source, List<CatalogProblem> problems) {
        super(describe(source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a catalogue exception needs at least one problem");
        }
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public CatalogException(String source, List<CatalogProblem> problems, Throwable cause) {
        this(source, problems);
        initCause(cause);
    }

    public String source() {
        return source;
    }

    public List<CatalogProblem> problems() {
        return problems;
    }

    private static String describe(String source, List<CatalogProblem> problems) {
        return problems.stream().map(p -> source + ": " + p.describe()).collect(Collectors.joining("\n"));
    }
}
