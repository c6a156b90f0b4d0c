package org.llmtracker.graph.catalog;

import java.util.List;

/**
 * One project of the catalogue, as validated input. Field names match the catalogue YAML and
 * the {@code PUT /api/catalog/{id}} body, so one shape travels from file to graph to API.
 */
public record CatalogEntry(
        String id,
        String name,
        String kind,
        String organisation,
        String region,
        String parameters,
        Boolean openSource,
        String releasedAt,
        String license,
        String description,
        List<String> githubRepositories,
        List<String> huggingfaceIds,
        List<BaseModelRef> baseModels,
        List<String> links) {

    public CatalogEntry {
        githubRepositories = githubRepositories == null ? List.of() : List.copyOf(githubRepositories);
        huggingfaceIds = huggingfaceIds == null ? List.of() : List.copyOf(huggingfaceIds);
        baseModels = baseModels == null ? List.of() : List.copyOf(baseModels);
        links = links == null ? List.of() : List.copyOf(links);
    }
}
