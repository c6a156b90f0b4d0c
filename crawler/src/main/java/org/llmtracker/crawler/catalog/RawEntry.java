package org.llmtracker.crawler.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.llmtracker.graph.catalog.BaseModelRef;
import org.llmtracker.graph.catalog.CatalogEntry;

/**
 * A catalogue entry as written (in the YAML file or a {@code PUT /api/catalog/{id}} body), before
 * validation. {@link CatalogValidator} turns it into a {@link CatalogEntry} or says what is wrong.
 */
public record RawEntry(
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
        List<RawBaseModel> baseModels,
        List<String> links,
        String newVersionOf) {

    /** An entry that names no earlier version, as most do. */
    public RawEntry(String id, String name, String kind, String organisation, String region, String parameters,
            Boolean openSource, String releasedAt, String license, String description, List<String> githubRepositories,
            List<String> huggingfaceIds, List<RawBaseModel> baseModels, List<String> links) {
        this(id, name, kind, organisation, region, parameters, openSource, releasedAt, license, description,
                githubRepositories, huggingfaceIds, baseModels, links, null);
    }

    public RawEntry {
        githubRepositories = copy(githubRepositories);
        huggingfaceIds = copy(huggingfaceIds);
        baseModels = copy(baseModels);
        links = copy(links);
    }

    /** The raw form of a typed entry, to check entries that were built in code. */
    public static RawEntry of(CatalogEntry e) {
        List<RawBaseModel> bases = e.baseModels().stream().map(RawEntry::raw).toList();
        return new RawEntry(e.id(), e.name(), e.kind(), e.organisation(), e.region(), e.parameters(), e.openSource(),
                e.releasedAt(), e.license(), e.description(), e.githubRepositories(), e.huggingfaceIds(), bases,
                e.links(), e.newVersionOf());
    }

    private static RawBaseModel raw(BaseModelRef b) {
        return new RawBaseModel(b.id(), b.relation().name(), b.stages().stream().map(Enum::name).toList());
    }

    // Null items survive the copy: they are input to report, not to crash on.
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
