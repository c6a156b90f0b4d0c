package org.llmtracker.crawler.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.llmtracker.graph.license.LicenseBook;
import org.llmtracker.graph.license.LicenseTerms;

/** The shipped licence book: every licence the issue names, and the Hub's ids for the spellings cards use. */
class LicenseTermsYamlTests {

    private final LicenseBook book = new LicenseTermsYaml().load(null);

    @Test
    void theBookDescribesTheLicencesThatCoverMostOfTheHub() {
        for (String id : List.of("apache-2.0", "mit", "bsd-2-clause", "bsd-3-clause", "cc-by-4.0", "cc0-1.0", "cc-by-sa-4.0",
                "cc-by-nc-4.0", "cc-by-nc-sa-4.0", "cc-by-nc-nd-4.0", "openrail", "openrail++", "creativeml-openrail-m",
                "bigscience-openrail-m", "bigscience-bloom-rail-1.0", "llama2", "llama3", "llama3.1", "llama3.2", "llama3.3",
                "llama4", "gemma", "gpl-3.0", "agpl-3.0", "other", "unknown")) {
            LicenseTerms t = book.terms(id).orElseThrow(() -> new AssertionError("no terms for " + id));
            assertThat(t.link()).as("link of %s", id).startsWith("http");
        }
        assertThat(book.terms("llama3.1").orElseThrow().naming()).isEqualTo("Llama");
        assertThat(book.terms("cc-by-nc-nd-4.0").orElseThrow().derivatives()).isFalse();
        assertThat(book.terms("cc-by-nc-4.0").orElseThrow().commercial()).isFalse();
        assertThat(book.terms("apache-2.0").orElseThrow().restrictive()).isFalse();
        assertThat(book.terms("gemma").orElseThrow().restrictive()).isTrue();
        assertThat(book.terms("other").orElseThrow().catchAll()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "apache-2.0, apache-2.0", "Apache-2.0, apache-2.0", "apache 2.0, apache-2.0", "Apache License 2.0, apache-2.0",
            "apache2, apache-2.0", "MIT, mit", "MIT License, mit", "llama3.1, llama3.1", "Llama-3.1, llama3.1",
            "llama3_1, llama3.1", "Llama 3.1 Community License Agreement, llama3.1", "LLAMA3, llama3",
            "llama3.2, llama3.2", "llama2, llama2", "cc-by-nc-4.0, cc-by-nc-4.0", "CC BY-NC 4.0, cc-by-nc-4.0",
            "cc-by-nc-sa-4.0, cc-by-nc-sa-4.0", "openrail++, openrail++", "openrail, openrail",
            "CreativeML OpenRAIL-M, creativeml-openrail-m", "gemma, gemma", "Gemma Terms of Use, gemma",
            "bigscience-bloom-rail-1.0, bigscience-bloom-rail-1.0", "gpl-3.0, gpl-3.0", "GPLv3, gpl-3.0",
            "cc0-1.0, cc0-1.0", "other, other", "unknown, unknown", "some-bespoke-licence, some-bespoke-licence"})
    void spellingsBecomeTheHubsIds(String written, String id) {
        assertThat(book.normalise(written)).isEqualTo(id);
    }

    @Test
    void missingStaysMissingAndOtherTakesTheCardsNameOrLink() {
        assertThat(book.normalise(null)).isNull();
        assertThat(book.normalise("  ")).isNull();
        assertThat(book.resolve(null, null, null, null)).isNull();
        assertThat(book.resolve("other", "llama3", "LICENSE", null)).isEqualTo("llama3");
        assertThat(book.resolve("other", "gemma-terms-of-use", null, null)).isEqualTo("gemma");
        assertThat(book.resolve("other", "my-lab-licence", "https://ai.google.dev/gemma/terms", null)).isEqualTo("gemma");
        assertThat(book.resolve("other", "tongyi-qianwen", null, null)).isEqualTo("qwen");
        assertThat(book.resolve("other", "my-lab-licence", "LICENSE.md", null)).isEqualTo("other");
        assertThat(book.resolve("apache-2.0", "llama3", null, null)).as("a named tag wins over the card's name").isEqualTo("apache-2.0");
        assertThat(book.resolve(null, null, null, "Apache-2.0")).as("a catalogue entry's licence").isEqualTo("apache-2.0");
    }

    @Test
    void anOverrideFileReplacesTheFieldsItNamesAndAddsNewLicences(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, """
                licenses:
                  - id: MIT
                    notice: false
                  - id: acme-model-1.0
                    restrictive: true
                    commercial: false
                    link: https://acme.example/licence
                    aliases: [acme model licence]
                """);
        LicenseBook mine = new LicenseTermsYaml().load(file);

        assertThat(mine.terms("mit").orElseThrow().notice()).isFalse();
        assertThat(mine.terms("mit").orElseThrow().link()).isEqualTo(book.terms("mit").orElseThrow().link());
        assertThat(mine.normalise("ACME Model Licence")).isEqualTo("acme-model-1.0");
        assertThat(mine.terms("acme-model-1.0").orElseThrow().family()).isEqualTo("acme-model-1.0");
        assertThat(mine.fingerprint()).isNotEqualTo(book.fingerprint());
    }

    @Test
    void aBrokenOverrideNamesTheFileAndTheProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "licenses:\n  - id: mit\n    restrictive: sometimes\n");
        assertThatThrownBy(() -> new LicenseTermsYaml().load(file)).hasMessageContaining("mit").hasMessageContaining("restrictive");
        assertThatThrownBy(() -> new LicenseTermsYaml().load(dir.resolve("absent.yaml"))).hasMessageContaining("absent.yaml");
    }
}
