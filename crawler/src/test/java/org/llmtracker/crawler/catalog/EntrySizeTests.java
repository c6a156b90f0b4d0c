package org.llmtracker.crawler.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Values too long to be index keys, or too many to be one small write, are refused by field without being echoed. */
class EntrySizeTests {

    private final CatalogValidator validator = new CatalogValidator();

    private static RawEntry entry(String id, String name, List<String> repositories, List<RawBaseModel> bases) {
        return new RawEntry(id, name, "model", null, null, null, null, null, null, null, repositories, List.of(), bases, List.of());
    }

    @Test
    void aNameOfTenThousandCharactersIsRefusedByFieldWithoutRepeatingIt() {
        var problems = validator.validateEntry(entry("x", "n".repeat(10_000), List.of(), List.of()), List.of()).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("name");
            assertThat(p.message()).contains("10000 characters").contains("at most 300").doesNotContain("nnnnnnnnnn");
        });
    }

    @Test
    void anIdTooLongForAnIndexKeyIsRefusedAndCutInTheProblemLabel() {
        var problems = validator.validateEntry(entry("a".repeat(5_000), "A", List.of(), List.of()), List.of()).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("id");
            assertThat(p.entryId()).hasSizeLessThan(50);
        });
    }

    @Test
    void listsAndBaseModelsAreBounded() {
        var repositories = Collections.nCopies(101, "owner/name");
        var bases = Collections.nCopies(101, new RawBaseModel("llama", "FINETUNE", List.of()));

        var problems = validator.validateEntry(entry("x", "X", repositories, bases), List.of("llama")).problems();

        assertThat(problems).extracting(CatalogProblem::field).contains("githubRepositories", "baseModels");
    }

    @Test
    void anEntryWithinEveryBoundStillValidates() {
        var ok = validator.validateEntry(entry("x", "n".repeat(300), List.of("owner/name"),
                List.of(new RawBaseModel("llama", "FINETUNE", List.of("SFT")))), List.of("llama"));

        assertThat(ok.isValid()).isTrue();
    }
}
