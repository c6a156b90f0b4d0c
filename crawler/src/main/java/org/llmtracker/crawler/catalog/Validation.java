package org.llmtracker.crawler.catalog;

import java.util.List;

/**
 * The outcome of validating catalogue input: the converted value when there were no problems,
 * otherwise the problems (and no value).
 */
public record Validation<T>(T value, List<CatalogProblem> problems) {

    public Validation {
        problems = List.copyOf(problems);
        if (problems.isEmpty() == (value == null)) {
            throw new IllegalArgumentException("a validation has either a value or problems");
        }
    }

    static <T> Validation<T> valid(T value) {
        return new Validation<>(value, List.of());
    }

    static <T> Validation<T> invalid(List<CatalogProblem> problems) {
        return new Validation<>(null, problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The value, or a {@link CatalogException} naming {@code source} and listing every problem. */
    public T orElseThrow(String source) {
        if (!isValid()) {
            throw new CatalogException(source, problems);
        }
        return value;
    }
}
