package org.llmtracker.crawler.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmtracker.graph.catalog.CatalogEntry;

/** Reading catalogue YAML: what the file may contain before the rules are even applied. */
class CatalogLoaderTests {

    private final CatalogLoader loader = new CatalogLoader();

    private CatalogException rejection(String yaml) {
        CatalogException e = catchThrowableOfType(CatalogException.class, () -> loader.parse(yaml, "catalog.yaml"));
        assertThat(e).as("expected the catalogue to be rejected").isNotNull();
        return e;
    }

    @Test
    void rejectsAnUnknownFieldSuggestingTheFieldMeant() {
        assertThat(rejection("""
                entries:
                  - id: alpaca
                    name: Alpaca
                    kind: model
                    licence: Apache-2.0
                """).getMessage()).isEqualTo("catalog.yaml: entry 'alpaca', field licence: unknown field"
                + " (did you mean 'license'?)");
    }

    @Test
    void rejectsAnUnknownFieldListingTheKnownOnes() {
        assertThat(rejection("""
                entries:
                  - id: alpaca
                    name: Alpaca
                    kind: model
                    stars: 100
                """).getMessage()).startsWith("catalog.yaml: entry 'alpaca', field stars: unknown field; known fields"
                + " are id, name, kind,");
    }

    @Test
    void rejectsAnUnknownFieldOfABaseModel() {
        assertThat(rejection("""
                entries:
                  - {id: llama, name: LLaMA, kind: model}
                  - {id: alpaca, name: Alpaca, kind: model, baseModels: [{id: llama, relations: FINETUNE}]}
                """).getMessage()).isEqualTo("catalog.yaml: entry 'alpaca', field baseModels[0].relations: unknown"
                + " field (did you mean 'relation'?)");
    }

    @Test
    void rejectsAnUnknownTopLevelField() {
        assertThat(rejection("models: []\nentries: []\n").getMessage())
                .isEqualTo("catalog.yaml: field models: unknown top-level field; the catalogue has only 'entries'");
    }

    @Test
    void reportsMalformedYamlWithItsLineNumber() {
        CatalogException e = rejection("""
                entries:
                  - id: alpaca
                    name: Alpaca
                   kind: model
                """);
        assertThat(e.getMessage()).isEqualTo("catalog.yaml: malformed YAML at line 4, column 4: expected <block end>,"
                + " but found '<block mapping start>' (while parsing a block collection)");
        assertThat(e.getMessage()).doesNotContain("\n");
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.entryId()).isNull());
    }

    @Test
    void rejectsAFieldGivenTwice() {
        assertThat(rejection("""
                entries:
                  - id: alpaca
                    name: Alpaca
                    name: Alpaca 7B
                    kind: model
                """).getMessage()).startsWith("catalog.yaml: malformed YAML at line 4, column ")
                .endsWith(": field 'name' is given twice");
    }

    @Test
    void rejectsADocumentWithoutEntries() {
        assertThat(rejection("").getMessage())
                .isEqualTo("catalog.yaml: the document is empty; expected a top-level 'entries:' list");
        assertThat(rejection("- id: alpaca\n").getMessage())
                .isEqualTo("catalog.yaml: expected a top-level 'entries:' list");
        assertThat(rejection("entries: alpaca\n").getMessage())
                .isEqualTo("catalog.yaml: 'entries' must be a list of entries, not 'alpaca'");
    }

    @Test
    void acceptsAnEmptyCatalogue() {
        assertThat(loader.parse("entries: []\n", "catalog.yaml")).isEmpty();
        assertThat(loader.parse("entries:\n", "catalog.yaml")).isEmpty();
    }

    @Test
    void rejectsAnEntryThatIsNotAMapping() {
        assertThat(rejection("""
                entries:
                  - {id: llama, name: LLaMA, kind: model}
                  - alpaca
                """).getMessage()).isEqualTo("catalog.yaml: entry #2: must be a mapping of fields, not 'alpaca'");
    }

    @Test
    void rejectsValuesOfTheWrongTypeOnceEach() {
        CatalogException e = rejection("""
                entries:
                  - id: alpaca
                    name: [Alpaca, Stanford Alpaca]
                    kind: model
                    openSource: maybe
                    githubRepositories: tatsu-lab/stanford_alpaca
                    parameters: 7.5
                    baseModels: llama
                """);
        assertThat(e.getMessage().lines()).containsExactly(
                "catalog.yaml: entry 'alpaca', field name: must be text, not a list",
                "catalog.yaml: entry 'alpaca', field parameters: must be text, not '7.5'; put it in quotes",
                "catalog.yaml: entry 'alpaca', field openSource: must be true or false, not 'maybe'",
                "catalog.yaml: entry 'alpaca', field githubRepositories: must be a list (write [value] for one item),"
                        + " not 'tatsu-lab/stanford_alpaca'",
                "catalog.yaml: entry 'alpaca', field baseModels: must be a list of {id, relation, stages}, not 'llama'");
    }

    @Test
    void readsAnUnquotedYearAsText() {
        assertThat(loader.parse("entries:\n  - {id: a, name: A, kind: model, releasedAt: 2023}\n", "catalog.yaml"))
                .singleElement().extracting(CatalogEntry::releasedAt).isEqualTo("2023");
    }

    @Test
    void readsEmptyValuesAsAbsent() {
        CatalogEntry entry = loader.parse("""
                entries:
                  - id: a
                    name: A
                    kind: model
                    organisation: ""
                    region:
                    githubRepositories: []
                """, "catalog.yaml").get(0);
        assertThat(entry.organisation()).isNull();
        assertThat(entry.region()).isNull();
        assertThat(entry.githubRepositories()).isEmpty();
    }

    @Test
    void loadsAFileAndNamesItInProblems(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-catalog.yaml");
        Files.writeString(file, "entries:\n  - {id: a, name: A, kind: model}\n");
        assertThat(loader.load(file)).extracting(CatalogEntry::id).containsExactly("a");

        Files.writeString(file, "entries:\n  - {id: a, name: A}\n");
        CatalogException e = catchThrowableOfType(CatalogException.class, () -> loader.load(file));
        assertThat(e.getMessage()).startsWith(file + ": entry 'a', field kind: required");
    }

    @Test
    void reportsAFileThatCannotBeRead(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        CatalogException e = catchThrowableOfType(CatalogException.class, () -> loader.load(missing));
        assertThat(e.getMessage()).startsWith(missing + ": cannot read the file: java.nio.file.NoSuchFileException");
    }

    @Test
    void loadsAStreamUnderTheGivenName() {
        byte[] yaml = "entries:\n  - {id: a, name: Ä, kind: model}\n".getBytes(StandardCharsets.UTF_8);
        List<CatalogEntry> entries = loader.load(new ByteArrayInputStream(yaml), "https://example.org/catalog.yaml");
        assertThat(entries).extracting(CatalogEntry::name).containsExactly("Ä");
    }
}
