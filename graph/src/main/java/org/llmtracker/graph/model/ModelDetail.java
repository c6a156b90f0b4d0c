package org.llmtracker.graph.model;

import java.util.List;
import java.util.Map;

/** Everything the model page shows: facts, Hugging Face figures, repositories, parents, child counts. */
public record ModelDetail(
        String id,
        String name,
        String kind,
        String description,
        String organisation,
        String organisationKey,
        Long parameters,
        String parameterLabel,
        Boolean openSource,
        String license,
        String region,
        String releasedAt,
        boolean catalogued,
        String removedFromCatalogAt,
        String hfId,
        Long downloads,
        Long likes,
        String pipelineTag,
        String libraryName,
        Boolean gated,
        String hfStatus,
        List<String> links,
        List<String> aliases,
        List<Repository> repositories,
        List<Parent> parents,
        Map<String, Long> childCounts) {

    /**
     * A repository the model's code lives in, with its latest figures and release.
     *
     * @param fullName {@code owner/name} as GitHub spells it
     * @param key      the graph's key for it (lower case), as history and other reads take it
     */
    public record Repository(String fullName, String key, String url, Long stars, Long forks, Long watchers, Long openIssues,
            Boolean archived, String status, Release latestRelease) {
    }

    public record Release(String tag, String name, String publishedAt) {
    }

    /** A direct base model: how this model was made from it and who says so. */
    public record Parent(String id, String name, String relation, List<String> stages, List<String> sources) {
    }
}
