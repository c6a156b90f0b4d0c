package org.llmtracker.crawler.tables;

import org.llmtracker.crawler.catalog.CatalogLoader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTablesTests {

    private static final String TABLE = """
            ## 4.2 国内模型

            | 名称 | 组织 | 参数量 | 是否开源 |
            | --- | --- | --- | --- |
            | Moss | 复旦大学 | 参数量大16B | 是 |
            | ChatDoctor | | | 也许 |
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ImportTables.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesCatalogueYamlToStdoutAndWarningsToStderr() throws Exception {
        Path input = Files.writeString(dir.resolve("doc.md"), TABLE);
        assertThat(run(input.toString())).isZero();
        assertThat(stdout()).startsWith("# Imported from doc.md by ImportTables: 2 entries, 1 warnings.")
                .contains("  - id: moss\n    name: Moss\n    kind: model\n    organisation: 复旦大学\n"
                        + "    region: domestic\n    parameters: 16B\n    openSource: true\n");
        assertThat(stderr()).isEqualTo("warning: 4.2 国内模型, row 2 'ChatDoctor', openSource: '也许' is neither 是 nor 否;"
                + " left empty\n");
        assertThat(new CatalogLoader().parse(stdout(), "stdout")).hasSize(2);
    }

    @Test
    void writesToTheOutputFileWhenGivenOne() throws Exception {
        Path input = Files.writeString(dir.resolve("doc.html"), "<table><tr><th>Name</th><th>Organisation</th>"
                + "<th>Parameters</th></tr><tr><td>Vicuna</td><td>LMSYS</td><td>13B</td></tr></table>");
        Path output = dir.resolve("out.yaml");
        assertThat(run(input.toString(), output.toString())).isZero();
        assertThat(stdout()).isEmpty();
        assertThat(new CatalogLoader().load(output)).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo("vicuna"));
        assertThat(stderr()).contains("wrote 1 entries to " + output);
    }

    @Test
    void failsOnAMissingInput() {
        assertThat(run(dir.resolve("nope.md").toString())).isEqualTo(1);
        assertThat(stderr()).startsWith("ImportTables: cannot read " + dir.resolve("nope.md"));
    }

    @Test
    void failsOnADocumentWithoutProjectTables() throws Exception {
        Path input = Files.writeString(dir.resolve("plain.md"), "# Nothing here\n\nJust text.\n");
        assertThat(run(input.toString())).isEqualTo(1);
        assertThat(stderr()).contains("has no table with a 名称 (Name) column");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void explainsItsUsage() {
        assertThat(run()).isEqualTo(1);
        assertThat(stderr()).startsWith("usage: ImportTables <input.md|input.html> [output.yaml]");
    }
}
