package org.llmtracker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load figures share BENCHMARKS.md with the lineage benchmark, and neither run drops the other's. */
class HttpLoadReportTests {

    @Test
    void aLoadRunReplacesItsOwnSectionAndKeepsTheRest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("BENCHMARKS.md");
        Files.writeString(file, "# Lineage\n\nfigures\n");

        HttpLoad.update(file, HttpLoad.START + "\nfirst\n" + HttpLoad.END + "\n");
        HttpLoad.update(file, HttpLoad.START + "\nsecond\n" + HttpLoad.END + "\n");

        assertThat(Files.readString(file)).startsWith("# Lineage\n\nfigures\n").contains("second").doesNotContain("first");
        assertThat(HttpLoad.section(file)).startsWith(HttpLoad.START).contains("second").endsWith(HttpLoad.END + "\n");
    }

    @Test
    void aFileWithoutLoadFiguresHasNoSectionToKeep(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("BENCHMARKS.md");
        Files.writeString(file, "# Lineage\n");

        assertThat(HttpLoad.section(file)).isEmpty();
        assertThat(HttpLoad.section(dir.resolve("missing.md"))).isEmpty();
    }
}
