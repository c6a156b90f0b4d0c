package org.llmtracker.crawler.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.llmtracker.graph.catalog.BaseModelRef;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.model.Stage;

/** Each rule, shown with a small catalogue that breaks it. */
class CatalogValidatorTests {

    private static final String LLAMA = """
            entries:
              - id: llama
                name: LLaMA
                kind: model
            """;

    private final CatalogLoader loader = new CatalogLoader();

    private List<CatalogEntry> load(String yaml) {
        return loader.parse(yaml, "catalog.yaml");
    }

    private String rejection(String yaml) {
        CatalogException e = catchThrowableOfType(CatalogException.class, () -> load(yaml));
        assertThat(e).as("expected the catalogue to be rejected").isNotNull();
        return e.getMessage();
    }

    /** LLaMA plus one more entry, given as the lines under its "- id:" line. */
    private String rejectionOf(String secondEntry) {
        return rejection(LLAMA + secondEntry.indent(2));
    }

    @Test
    void rejectsABaseModelThatIsNotInTheCatalogue() {
        assertThat(rejectionOf("""
                - id: alpaca
                  name: Alpaca
                  kind: model
                  baseModels:
                    - id: llamma
                      relation: FINETUNE
                """)).isEqualTo("catalog.yaml: entry 'alpaca', field baseModels[0].id: unknown base model 'llamma'"
                + " (did you mean 'llama'?)");
    }

    @Test
    void requiresAnIdAndNamesTheEntryByPositionWithoutOne() {
        assertThat(rejectionOf("""
                - name: Alpaca
                  kind: model
                """)).isEqualTo("catalog.yaml: entry #2, field id: required");
    }

    @Test
    void rejectsIdsThatAreNotLowerCaseSlugs() {
        assertThat(rejectionOf("- {id: Alpaca, name: Alpaca, kind: model}"))
                .startsWith("catalog.yaml: entry 'Alpaca', field id: 'Alpaca' is not a valid id (ids are lower case)");
        assertThat(rejectionOf("- {id: stanford alpaca, name: Alpaca, kind: model}"))
                .startsWith("catalog.yaml: entry 'stanford alpaca', field id: 'stanford alpaca' is not a valid id");
        assertThat(rejectionOf("- {id: a/b/c, name: Alpaca, kind: model}"))
                .startsWith("catalog.yaml: entry 'a/b/c', field id: 'a/b/c' is not a valid id");
    }

    @Test
    void acceptsHuggingFaceStyleIdsWithOneSlash() {
        assertThat(load(LLAMA + "  - {id: meta-llama/llama-2-7b-hf, name: Llama 2, kind: model}\n"))
                .extracting(CatalogEntry::id).containsExactly("llama", "meta-llama/llama-2-7b-hf");
    }

    @Test
    void rejectsADuplicateIdNamingBothPositions() {
        assertThat(rejectionOf("- {id: llama, name: LLaMA again, kind: model}"))
                .isEqualTo("catalog.yaml: entry 'llama', field id: duplicate id 'llama' (entries #1 and #2)");
    }

    @Test
    void requiresAName() {
        assertThat(rejectionOf("- {id: alpaca, kind: model}"))
                .isEqualTo("catalog.yaml: entry 'alpaca', field name: required");
    }

    @Test
    void requiresAKnownKind() {
        assertThat(rejectionOf("- {id: alpaca, name: Alpaca}"))
                .isEqualTo("catalog.yaml: entry 'alpaca', field kind: required; one of model, framework, dataset, application");
        assertThat(rejectionOf("- {id: alpaca, name: Alpaca, kind: modle}"))
                .isEqualTo("catalog.yaml: entry 'alpaca', field kind: 'modle' is not a kind; use one of model,"
                        + " framework, dataset, application (did you mean 'model'?)");
    }

    @Test
    void allowsOnlyForeignOrDomesticAsRegion() {
        assertThat(rejectionOf("- {id: alpaca, name: Alpaca, kind: model, region: abroad}"))
                .startsWith("catalog.yaml: entry 'alpaca', field region: 'abroad' is not a region");
        assertThat(load(LLAMA + "  - {id: alpaca, name: Alpaca, kind: model, region: domestic}\n").get(1).region())
                .isEqualTo("domestic");
    }

    @Test
    void rejectsAParameterLabelThatIsNotASize() {
        assertThat(rejectionOf("- {id: alpaca, name: Alpaca, kind: model, parameters: 7B/13}"))
                .isEqualTo("catalog.yaml: entry 'alpaca', field parameters: '7B/13' is not a size label like 7B or"
                        + " 7B/13B: '13' needs a K, M, B or T suffix");
    }

    @Test
    void rejectsADateThatDoesNotExist() {
        assertThat(rejectionOf("- {id: alpaca, name: Alpaca, kind: model, releasedAt: \"2023-02-30\"}"))
                .isEqualTo("catalog.yaml: entry 'alpaca', field releasedAt: '2023-02-30' is not a real date");
        assertThat(rejectionOf("- {id: alpaca, name: Alpaca, kind: model, releasedAt: \"2023-13\"}"))
                .isEqualTo("catalog.yaml: entry 'alpaca', field releasedAt: '2023-13' is not a real date");
    }

    @Test
    void rejectsADateInAnotherFormat() {
        assertThat(rejectionOf("- {id: alpaca, name: Alpaca, kind: model, releasedAt: 2023/03/13}"))
                .isEqualTo("catalog.yaml: entry 'alpaca', field releasedAt: '2023/03/13' is not a date;"
                        + " use YYYY, YYYY-MM or YYYY-MM-DD");
    }

    @Test
    void acceptsAYearAMonthOrADay() {
        List<CatalogEntry> entries = load("""
                entries:
                  - {id: a, name: A, kind: model, releasedAt: "2023"}
                  - {id: b, name: B, kind: model, releasedAt: "2023-03"}
                  - {id: c, name: C, kind: model, releasedAt: "2024-02-29"}
                """);
        assertThat(entries).extracting(CatalogEntry::releasedAt).containsExactly("2023", "2023-03", "2024-02-29");
    }

    @Test
    void rejectsGithubRepositoriesThatAreNotOwnerSlashName() {
        String message = rejectionOf("""
                - id: alpaca
                  name: Alpaca
                  kind: model
                  githubRepositories: [tatsu-lab/stanford_alpaca, stanford_alpaca, -owner/repo, owner/re po]
                """);
        assertThat(message.lines()).containsExactly(
                "catalog.yaml: entry 'alpaca', field githubRepositories[1]: 'stanford_alpaca' is not a GitHub"
                        + " repository; use owner/name as in github.com/owner/name",
                "catalog.yaml: entry 'alpaca', field githubRepositories[2]: '-owner/repo' is not a GitHub"
                        + " repository; use owner/name as in github.com/owner/name",
                "catalog.yaml: entry 'alpaca', field githubRepositories[3]: 'owner/re po' is not a GitHub"
                        + " repository; use owner/name as in github.com/owner/name");
    }

    @Test
    void rejectsAValueListedTwiceInOneEntry() {
        assertThat(rejectionOf("- {id: alpaca, name: Alpaca, kind: model, githubRepositories: [a/b, A/B]}"))
                .isEqualTo("catalog.yaml: entry 'alpaca', field githubRepositories[1]: 'A/B' is listed twice");
    }

    @Test
    void acceptsOwnerNameAndLegacyBareHuggingFaceIds() {
        assertThat(load(LLAMA + "  - {id: gpt-2, name: GPT-2, kind: model, huggingfaceIds: [gpt2, openai-community/gpt2]}\n")
                .get(1).huggingfaceIds()).containsExactly("gpt2", "openai-community/gpt2");
    }

    @Test
    void rejectsHuggingFaceIdsThatAreNotOwnerSlashName() {
        assertThat(rejectionOf("- {id: alpaca, name: Alpaca, kind: model, huggingfaceIds: [a/b/c]}"))
                .isEqualTo("catalog.yaml: entry 'alpaca', field huggingfaceIds[0]: 'a/b/c' is not a Hugging Face"
                        + " model id; use owner/name as in huggingface.co/owner/name");
    }

    @Test
    void rejectsAHuggingFaceIdOfTwoEntries() {
        assertThat(rejection("""
                entries:
                  - {id: llama, name: LLaMA, kind: model, huggingfaceIds: [huggyllama/llama-7b]}
                  - {id: llama-7b, name: LLaMA 7B, kind: model, huggingfaceIds: [HuggyLlama/LLaMA-7b]}
                """)).isEqualTo("catalog.yaml: entry 'llama-7b', field huggingfaceIds[0]: 'HuggyLlama/LLaMA-7b'"
                + " is already a Hugging Face id of entry 'llama'");
    }

    @Test
    void rejectsAHuggingFaceIdThatIsAnotherEntrysId() {
        assertThat(rejection("""
                entries:
                  - {id: gpt2, name: GPT-2, kind: model}
                  - {id: distilgpt2, name: DistilGPT-2, kind: model, huggingfaceIds: [distilgpt2, GPT2]}
                """)).isEqualTo("catalog.yaml: entry 'distilgpt2', field huggingfaceIds[1]: 'GPT2' is the id of"
                + " another entry ('gpt2')");
    }

    @Test
    void rejectsLinksThatAreNotAbsoluteHttpUrls() {
        String message = rejectionOf("""
                - id: alpaca
                  name: Alpaca
                  kind: model
                  links: [https://github.com/tatsu-lab/stanford_alpaca, github.com/tatsu-lab, "ftp://example.org/x",
                          "https:///path", "https://exa mple.org"]
                """);
        assertThat(message.lines()).containsExactly(
                "catalog.yaml: entry 'alpaca', field links[1]: 'github.com/tatsu-lab' is not an absolute URL;"
                        + " write it with https://",
                "catalog.yaml: entry 'alpaca', field links[2]: 'ftp://example.org/x' is not an http or https URL",
                "catalog.yaml: entry 'alpaca', field links[3]: 'https:///path' has no host",
                "catalog.yaml: entry 'alpaca', field links[4]: 'https://exa mple.org' is not a valid URL:"
                        + " Illegal character in authority at index 8");
    }

    @Test
    void rejectsAnEntryThatIsItsOwnBaseModel() {
        assertThat(rejection("""
                entries:
                  - id: llama
                    name: LLaMA
                    kind: model
                    baseModels: [{id: LLaMA}]
                """)).isEqualTo("catalog.yaml: entry 'llama', field baseModels[0].id: an entry cannot be its own base model");
    }

    @Test
    void rejectsAnUnknownRelationNamingIt() {
        assertThat(rejectionOf("- {id: alpaca, name: Alpaca, kind: model, baseModels: [{id: llama, relation: FINE_TUNE}]}"))
                .isEqualTo("catalog.yaml: entry 'alpaca', field baseModels[0].relation: unknown relation 'FINE_TUNE';"
                        + " use one of FINETUNE, ADAPTER, QUANTIZED, MERGE, CONTINUED_PRETRAINING, UNKNOWN"
                        + " (did you mean 'FINETUNE'?)");
    }

    @Test
    void readsAMissingRelationAsUnknownAndRelationsInAnyCase() {
        List<CatalogEntry> entries = load(LLAMA + """
                  - {id: alpaca, name: Alpaca, kind: model, baseModels: [{id: llama}]}
                  - {id: alpaca-lora, name: Alpaca-LoRA, kind: model, baseModels: [{id: llama, relation: adapter, stages: [sft]}]}
                """);
        assertThat(entries.get(1).baseModels()).containsExactly(new BaseModelRef("llama", Relation.UNKNOWN, List.of()));
        assertThat(entries.get(2).baseModels())
                .containsExactly(new BaseModelRef("llama", Relation.ADAPTER, List.of(Stage.SFT)));
    }

    @Test
    void rejectsAnUnknownStage() {
        assertThat(rejectionOf("- {id: alpaca, name: Alpaca, kind: model, baseModels: [{id: llama, stages: [SFT, RLHF]}]}"))
                .isEqualTo("catalog.yaml: entry 'alpaca', field baseModels[0].stages[1]: unknown stage 'RLHF'; use one of"
                        + " PRETRAINING, VOCAB_EXTENSION, CONTINUED_PRETRAINING, SFT, RM, PPO, DPO");
    }

    @Test
    void reportsALineageCycleWithItsPath() {
        assertThat(rejection("""
                entries:
                  - {id: c, name: C, kind: model, baseModels: [{id: a}]}
                  - {id: b, name: B, kind: model, baseModels: [{id: c}]}
                  - {id: a, name: A, kind: model, baseModels: [{id: b}]}
                  - {id: d, name: D, kind: model, baseModels: [{id: a}]}
                """)).isEqualTo("catalog.yaml: entry 'a', field baseModels: base models form a cycle: a -> b -> c -> a");
    }

    @Test
    void aNewVersionNamesAnEarlierEntryAndIsNoBaseModel() {
        List<CatalogEntry> entries = load(LLAMA + """
                  - {id: llama-2, name: Llama 2, kind: model, newVersionOf: LLaMA}
                """);

        assertThat(entries.get(1).newVersionOf()).isEqualTo("LLaMA");
        assertThat(entries.get(1).baseModels()).isEmpty();
        assertThat(entries.get(0).newVersionOf()).isNull();
    }

    @Test
    void rejectsANewVersionOfAnUnknownEntryOrOfItself() {
        assertThat(rejectionOf("- {id: llama-2, name: Llama 2, kind: model, newVersionOf: lama}"))
                .isEqualTo("catalog.yaml: entry 'llama-2', field newVersionOf: unknown entry 'lama' (did you mean 'llama'?)");
        assertThat(rejectionOf("- {id: llama-2, name: Llama 2, kind: model, newVersionOf: llama-2}"))
                .isEqualTo("catalog.yaml: entry 'llama-2', field newVersionOf: an entry cannot be a new version of itself");
    }

    @Test
    void reportsAVersionCycleWithItsPath() {
        assertThat(rejection("""
                entries:
                  - {id: a, name: A, kind: model, newVersionOf: b}
                  - {id: b, name: B, kind: model, newVersionOf: a}
                """)).isEqualTo("catalog.yaml: entry 'a', field newVersionOf: versions form a cycle: a -> b -> a");
    }

    @Test
    void collectsEveryProblemOnePerLine() {
        CatalogException e = catchThrowableOfType(CatalogException.class, () -> load("""
                entries:
                  - {id: alpaca, name: Alpaca, kind: modle, baseModels: [{id: llamma}]}
                  - {name: Vicuna, kind: model, releasedAt: "2023-02-30"}
                """));
        assertThat(e.problems()).containsExactly(
                new CatalogProblem("alpaca", "kind", "'modle' is not a kind; use one of model, framework, dataset,"
                        + " application (did you mean 'model'?)"),
                new CatalogProblem("alpaca", "baseModels[0].id", "unknown base model 'llamma'"),
                new CatalogProblem("#2", "id", "required"),
                new CatalogProblem("#2", "releasedAt", "'2023-02-30' is not a real date"));
        assertThat(e.getMessage().lines()).hasSize(4).allMatch(line -> line.startsWith("catalog.yaml: entry "));
        assertThat(e.source()).isEqualTo("catalog.yaml");
    }

    @Nested
    class OneEntryAgainstTheGraph {

        private final CatalogValidator validator = new CatalogValidator();

        private RawEntry entry(String id, RawBaseModel... bases) {
            return new RawEntry(id, "Some model", "model", null, null, null, null, null, null, null, null, null,
                    List.of(bases), null);
        }

        @Test
        void acceptsABaseModelTheGraphHoldsInAnyCase() {
            Validation<CatalogEntry> result = validator.validateEntry(
                    entry("llama-2-chat", new RawBaseModel("Meta-Llama/Llama-2-7b-hf", "finetune", List.of("SFT"))),
                    Set.of("llama", "meta-llama/llama-2-7b-hf"));
            assertThat(result.problems()).isEmpty();
            assertThat(result.value().baseModels()).containsExactly(
                    new BaseModelRef("Meta-Llama/Llama-2-7b-hf", Relation.FINETUNE, List.of(Stage.SFT)));
        }

        @Test
        void rejectsABaseModelTheGraphDoesNotHold() {
            Validation<CatalogEntry> result = validator.validateEntry(
                    entry("alpaca", new RawBaseModel("lama", null, null)), Set.of("llama", "alpaca"));
            assertThat(result.isValid()).isFalse();
            assertThat(result.problems()).containsExactly(new CatalogProblem("alpaca", "baseModels[0].id",
                    "unknown base model 'lama' (did you mean 'llama'?)"));
        }

        @Test
        void checksEveryRuleOfTheEntryItself() {
            Validation<CatalogEntry> result = validator.validateEntry(
                    new RawEntry(null, " ", "llm", null, "europe", "7", null, "2023-2-1", null, null, List.of("x"),
                            List.of(), List.of(), List.of("example.org")), Set.of());
            assertThat(result.problems()).extracting(CatalogProblem::field).containsExactly(
                    "id", "name", "kind", "region", "parameters", "releasedAt", "githubRepositories[0]", "links[0]");
            assertThat(result.problems()).extracting(CatalogProblem::entryId).containsOnly("#1");
        }

        @Test
        void throwsWithEveryProblemWhenAskedForTheValue() {
            Validation<CatalogEntry> result = validator.validateEntry(entry("Bad Id"), Set.of());
            CatalogException e = catchThrowableOfType(CatalogException.class, () -> result.orElseThrow("PUT /api/catalog"));
            assertThat(e.getMessage()).startsWith("PUT /api/catalog: entry 'Bad Id', field id: 'Bad Id' is not a valid id");
        }
    }
}
