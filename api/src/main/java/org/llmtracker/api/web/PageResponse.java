package org.llmtracker.api.web;

import java.util.List;

import org.llmtracker.graph.model.Page;

/** A page of results as the API returns it: {@code {"total", "page", "size", "items"}}. */
public record PageResponse<T>(long total, int page, int size, List<T> items) {

    public static <T> PageResponse<T> of(Page<T> page, int pageNumber, int size) {
        return new PageResponse<>(page.total(), pageNumber, size, page.items());
    }
}
