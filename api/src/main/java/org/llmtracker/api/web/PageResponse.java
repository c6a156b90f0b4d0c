package org.llmtracker.api.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.llmtracker.graph.model.Page;

/**
 * A page of results as the API returns it: {@code {"total", "page", "size", "items"}}, and
 * {@code "totalCapped": true} when more than {@code total} match (a search with very many
 * matches counts up to a cap).
 */
public record PageResponse<T>(long total, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean totalCapped, int page,
        int size, List<T> items) {

    public static <T> PageResponse<T> of(Page<T> page, int pageNumber, int size) {
        return new PageResponse<>(page.total(), page.totalCapped(), pageNumber, size, page.items());
    }
}
