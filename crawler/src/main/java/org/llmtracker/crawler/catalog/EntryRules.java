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

    /**
     * Longest values: ids and names are index keys (Neo4j refuses keys of several kilobytes),
     * and nothing in a catalogue needs more. Lists are bounded so one entry stays one small write.
     */
    static final int MAX_ID = CatalogFormats.MAX_ID;
    static final int MAX_TEXT = 300;
    static final int MAX_DESCRIPTION = 5_000;
    static final int MAX_LINK = 2_048;
    static final int MAX_LIST = 100;

    private final String label;
    private final List<CatalogProblem> problems = new ArrayList<>();

    private EntryRules(String label) {
        this.label = label;
    }

    /** @param label the entry's id, or {@code #n} when it has none (see {@link CatalogProblem#entryId()}) */
    static List<CatalogProblem> check(RawEntry e, String label) {
        EntryRules rules = new EntryRules(label);
        if (!rules.checkSizes(e)) {
            return rules.problems;
        }
        rules.checkScalars(e);
        rules.checkList("githubRepositories", e.githubRepositories(), CatalogFormats::githubRepositoryProblem);
        rules.checkList("huggingfaceIds", e.huggingfaceIds(), CatalogFormats::huggingfaceIdProblem);
        rules.checkList("links", e.links(), CatalogFormats::linkProblem);
        rules.checkBaseModels(e);
        return rules.problems;
    }

    /** False when something is too long or too many to look at further (its checks would echo it back). */
    private boolean checkSizes(RawEntry e) {
        tooLong("id", e.id(), MAX_ID);
        tooLong("name", e.name(), MAX_TEXT);
        tooLong("kind", e.kind(), MAX_TEXT);
        tooLong("organisation", e.organisation(), MAX_TEXT);
        tooLong("region", e.region(), MAX_TEXT);
        tooLong("parameters", e.parameters(), MAX_TEXT);
        tooLong("releasedAt", e.releasedAt(), MAX_TEXT);
        tooLong("license", e.license(), MAX_TEXT);
        tooLong("description", e.description(), MAX_DESCRIPTION);
        tooMany("githubRepositories", e.githubRepositories(), MAX_TEXT);
        tooMany("huggingfaceIds", e.huggingfaceIds(), MAX_TEXT);
        tooMany("links", e.links(), MAX_LINK);
        if (e.baseModels().size() > MAX_LIST) {
            add("baseModels", e.baseModels().size() + " base models; at most " + MAX_LIST);
        } else {
            for (int i = 0; i < e.baseModels().size(); i++) {
                RawBaseModel base = e.baseModels().get(i);
                if (base != null) {
                    tooLong("baseModels[" + i + "].id", base.id(), MAX_ID);
                    tooLong("baseModels[" + i + "].relation", base.relation(), MAX_TEXT);
                    tooMany("baseModels[" + i + "].stages", base.stages(), MAX_TEXT);
                }
            }
        }
        return problems.isEmpty();
    }

    private void tooLong(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, value.length() + " characters; at most " + max);
        }
    }

    private void tooMany(String field, List<String> values, int maxLength) {
        if (values.size() > MAX_LIST) {
            add(field, values.size() + " values; at most " + MAX_LIST);
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            tooLong(field + "[" + i + "]", values.get(i), maxLength);
        }
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
