package org.llmtracker.crawler.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;

/** The rules one entry must follow on its own; rules between entries live in {@link CatalogValidator}. */
final class EntryRules {

    private static final List<String> RELATIONS = Arrays.stream(Relation.values()).map(Enum::name).toList();
    private static final List<String> STAGES = Arrays.stream(Stage.values()).map(Enum::name).toList();

    private final String label;
    private final List<CatalogProblem> problems = new ArrayList<>();

    private EntryRules(String label) {
        this.label = label;
    }

    /** @param label the entry's id, or {@code #n} when it has none (see {@link CatalogProblem#entryId()}) */
    static List<CatalogProblem> check(RawEntry e, String label) {
        EntryRules rules = new EntryRules(label);
        rules.checkScalars(e);
        rules.checkList("githubRepositories", e.githubRepositories(), CatalogFormats::githubRepositoryProblem);
        rules.checkList("huggingfaceIds", e.huggingfaceIds(), CatalogFormats::huggingfaceIdProblem);
        rules.checkList("links", e.links(), CatalogFormats::linkProblem);
        rules.checkBaseModels(e);
        return rules.problems;
    }

    private void checkScalars(RawEntry e) {
        if (blank(e.id())) {
            add("id", "required");
        } else {
            CatalogFormats.idProblem(e.id()).ifPresent(m -> add("id", m));
        }
        if (blank(e.name())) {
            add("name", "required");
        }
        String kinds = String.join(", ", CatalogFormats.KINDS);
        if (blank(e.kind())) {
            add("kind", "required; one of " + kinds);
        } else if (!CatalogFormats.KINDS.contains(e.kind())) {
            add("kind", "'" + e.kind() + "' is not a kind; use one of " + kinds
                    + Suggestions.didYouMean(e.kind(), CatalogFormats.KINDS));
        }
        if (!blank(e.region()) && !CatalogFormats.REGIONS.contains(e.region())) {
            add("region", "'" + e.region() + "' is not a region; use foreign or domestic, or leave it out");
        }
        // A reference, like a base model's id: any case, checked against the known entries.
        if (!blank(e.newVersionOf()) && !blank(e.id()) && e.newVersionOf().trim().equalsIgnoreCase(e.id().trim())) {
            add("newVersionOf", "an entry cannot be a new version of itself");
        }
        if (!blank(e.parameters())) {
            CatalogFormats.parametersProblem(e.parameters()).ifPresent(m -> add("parameters", m));
        }
        if (!blank(e.releasedAt())) {
            CatalogFormats.dateProblem(e.releasedAt()).ifPresent(m -> add("releasedAt", m));
        }
    }

    private void checkList(String field, List<String> values, Function<String, Optional<String>> rule) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String at = field + "[" + i + "]";
            if (blank(value)) {
                add(at, "empty value");
            } else if (!seen.add(value.toLowerCase(Locale.ROOT))) {
                add(at, "'" + value + "' is listed twice");
            } else {
                rule.apply(value).ifPresent(m -> add(at, m));
            }
        }
    }

    private void checkBaseModels(RawEntry e) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < e.baseModels().size(); i++) {
            RawBaseModel base = e.baseModels().get(i);
            String at = "baseModels[" + i + "]";
            if (base == null) {
                add(at, "empty value; write id, relation and stages");
                continue;
            }
            if (blank(base.id())) {
                add(at + ".id", "required");
            } else if (!blank(e.id()) && base.id().trim().equalsIgnoreCase(e.id().trim())) {
                add(at + ".id", "an entry cannot be its own base model");
            } else if (!seen.add(base.id().trim().toLowerCase(Locale.ROOT))) {
                add(at + ".id", "base model '" + base.id() + "' is listed twice");
            }
            if (!blank(base.relation()) && Relation.parse(base.relation()).isEmpty()) {
                add(at + ".relation", "unknown relation '" + base.relation() + "'; use one of "
                        + String.join(", ", RELATIONS) + Suggestions.didYouMean(base.relation(), RELATIONS));
            }
            checkStages(at + ".stages", base.stages());
        }
    }

    private void checkStages(String field, List<String> stages) {
        Set<Stage> seen = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            String stage = stages.get(i);
            Optional<Stage> parsed = Stage.parse(stage);
            if (blank(stage)) {
                add(field + "[" + i + "]", "empty value");
            } else if (parsed.isEmpty()) {
                add(field + "[" + i + "]", "unknown stage '" + stage + "'; use one of " + String.join(", ", STAGES)
                        + Suggestions.didYouMean(stage, STAGES));
            } else if (!seen.add(parsed.get())) {
                add(field + "[" + i + "]", "stage " + parsed.get() + " is listed twice");
            }
        }
    }

    private void add(String field, String message) {
        problems.add(new CatalogProblem(label, field, message));
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
