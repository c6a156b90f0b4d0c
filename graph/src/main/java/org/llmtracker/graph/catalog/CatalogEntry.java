package org.llmtracker.graph.catalog;

import java.util.List;

/**
 * One project of the catalogue, as validated input. Field names match the catalogue YAML and
 * the {@code PUT /api/catalog/{id}} body, so one shape travels from file to graph to API.
 *
 * @param newVersionOf the entry this one is the next release of (Llama 2 of LLaMA): a new
 *                     generation of a family, not a derivation; null for most entries
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
        List<String> links,
        String newVersionOf) {

    /** An entry that is no new version of another, as most are. */
    public CatalogEntry(String id, String name, String kind, String organisation, String region, String parameters,
            Boolean openSource, String releasedAt, String license, String description, List<String> githubRepositories,
            List<String> huggingfaceIds, List<BaseModelRef> baseModels, List<String> links) {
        this(id, name, kind, organisation, region, parameters, openSource, releasedAt, license, description,
                githubRepositories, huggingfaceIds, baseModels, links, null);
    }

    public CatalogEntry {
        githubRepositories = githubRepositories == null ? List.of() : List.copyOf(githubRepositories);
        huggingfaceIds = huggingfaceIds == null ? List.of() : List.copyOf(huggingfaceIds);
        baseModels = baseModels == null ? List.of() : List.copyOf(baseModels);
        links = links == null ? List.of() : List.copyOf(links);
    }
}
