package org.llmtracker.crawler.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Documents built to break the importer: each is refused with a reason or imported, never a crash. */
class HostileDocumentTests {

    private final TableImporter importer = new TableImporter();

    private static final String TABLE = """
            | 名称 | 组织 | 参考链接 |
            |---|---|---|
            | Vicuna | LMSYS | %s |
            """;

    @Test
    void deeplyNestedBlockQuotesAreRefusedBeforeParsing() {
        String quotes = ">".repeat(100_000) + " deep\n" + TABLE.formatted("");

        assertThatThrownBy(() -> importer.importMarkdown(quotes))
                .isInstanceOf(TableImportException.class).hasMessageContaining("line 1").hasMessageContaining("nests more than");
    }

    @Test
    void deeplyNestedListsOnOneLineOrByIndentationAreRefused() {
        assertThatThrownBy(() -> importer.importMarkdown("- ".repeat(10_000) + "x\n"))
                .isInstanceOf(TableImportException.class);
        assertThatThrownBy(() -> importer.importMarkdown("- a\n" + " ".repeat(5_000) + "- b\n"))
                .isInstanceOf(TableImportException.class).hasMessageContaining("line 2").hasMessageContaining("indented");
    }

    @Test
    void ordinaryNestingStillImports() {
        String document = "> a quote\n>> a quote in a quote\n\n- a\n  - b\n    - c\n\n" + TABLE.formatted("https://github.com/lm-sys/FastChat");

        assertThat(importer.importMarkdown(document).entries()).hasSize(1);
    }

    @Test
    void deeplyNestedHtmlEndsWithAnAnswerNotAStackOverflow() {
        String table = "<table><tr><td>名称</td><td>组织</td><td>推出日期</td></tr><tr><td>MOSS</td><td>复旦大学</td><td>2023年4月21日</td></tr></table>";
        String hostile = "<div>".repeat(100_000) + "x" + "</div>".repeat(100_000) + table;
        String ordinary = "<div>".repeat(50) + "x" + "</div>".repeat(50) + table;

        assertThatCode(() -> importer.importHtml(hostile)).doesNotThrowAnyException();
        assertThat(importer.importHtml(ordinary).entries()).extracting(e -> e.id()).contains("moss");
    }

    @Test
    void linksThatDifferOnlyInCaseBecomeOne() {
        String links = "https://github.com/lm-sys/FastChat https://github.com/LM-SYS/fastchat "
                + "https://huggingface.co/lmsys/vicuna-13b https://huggingface.co/LMSYS/Vicuna-13B";

        var result = importer.importMarkdown(TABLE.formatted(links));

        assertThat(result.entries()).singleElement().satisfies(e -> {
            assertThat(e.githubRepositories()).hasSize(1);
            assertThat(e.huggingfaceIds()).hasSize(1);
        });
    }

    @Test
    void aCellOfUnclosedTagsIsRefusedBeforeTheQuadraticParserSeesIt() {
        // The probe's 1.8 MB table: 600,000 x "<a " held a request thread for about 476 s.
        String hostile = TABLE.formatted("<a ".repeat(600_000));

        assertThatThrownBy(() -> importer.importMarkdown(hostile)).isInstanceOf(TableImportException.class)
                .hasMessageContaining("line 3").hasMessageContaining("more than 2000 '<'");
    }

    @Test
    void aDocumentWithAFewTagsStillImports() {
        String document = TABLE.formatted("<https://github.com/lm-sys/FastChat> " + "<br>".repeat(1_000));

        assertThat(importer.importMarkdown(document).entries()).hasSize(1);
    }

    @Test
    void aNameNoCatalogueEntryMayHoldIsRefusedNotABug() {
        String name = "V" + "i".repeat(300);
        String document = TABLE.formatted("").replace("Vicuna", name);

        assertThatThrownBy(() -> importer.importMarkdown(document)).isInstanceOf(TableImportException.class)
                .hasMessageContaining("name").hasMessageNotContaining("bug");
        String html = "<table><tr><td>名称</td><td>组织</td><td>推出日期</td></tr><tr><td>" + name
                + "</td><td>复旦大学</td><td>2023年4月21日</td></tr></table>";
        assertThatThrownBy(() -> importer.importHtml(html)).isInstanceOf(TableImportException.class);
    }
}
