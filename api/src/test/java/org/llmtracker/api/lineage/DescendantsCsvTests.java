package org.llmtracker.api.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.llmtracker.graph.lineage.Relative;

class DescendantsCsvTests {

    @Test
    void aRowPerDescendantUnderAHeader() {
        String csv = DescendantsCsv.render(List.of(new Relative("minigpt-4", "MiniGPT-4", "model", 2, "FINETUNE",
                List.of("FINETUNE", "UNKNOWN"), List.of("SFT"), "vicuna", 1_234L, null, true, null, List.of("catalog"), null)));

        assertThat(csv.split("\r\n")).containsExactly(
                "id,name,kind,depth,relation,relations,stages,via,downloads,likes,catalogued,generation",
                "minigpt-4,MiniGPT-4,model,2,FINETUNE,FINETUNE UNKNOWN,SFT,vicuna,1234,,true,");
    }

    @Test
    void upstreamTextIsQuotedAndCannotRunAsASpreadsheetFormula() {
        assertThat(DescendantsCsv.cell("a, \"b\"\nc")).isEqualTo("\"a, \"\"b\"\"\nc\"");
        assertThat(DescendantsCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(DescendantsCsv.cell("-1+2")).isEqualTo("'-1+2");
        assertThat(DescendantsCsv.cell(null)).isEmpty();
    }
}
