package org.llmtracker.crawler.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellValuesTests {

    private final List<String> warnings = new ArrayList<>();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "175B | 175B",
            "770M | 770M",
            "6B | 6B",
            "1.5T | 1.5T",
            "7b/13b | 7B/13B",
            "参数量大16B | 16B",
            "70 亿、130 亿、330 亿和 650 亿这 4 种参数规模的模型。 | 7B/13B/33B/65B",
            "62 亿 | 6.2B",
            "1.5 亿 | 150M",
            "1.5万亿 | 1.5T",
            "GPT-NeoX-20B | 20B"})
    void readsParameterCounts(String cell, String label) {
        assertThat(CellValues.parameters(cell, warnings::add)).isEqualTo(label);
        assertThat(warnings).isEmpty();
    }

    @Test
    void leavesUnreadableParameterCountsEmptyWithAWarning() {
        assertThat(CellValues.parameters("", warnings::add)).isNull();
        assertThat(warnings).isEmpty();
        assertThat(CellValues.parameters("很大", warnings::add)).isNull();
        assertThat(CellValues.parameters("1.2万亿token的数据集", warnings::add)).isNull();
        assertThat(warnings).containsExactly("parameters: found no size like 7B or 70 亿 in '很大'; left empty",
                "parameters: '1.2万亿token的数据集' is the size of a data set, not a parameter count; left empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "是 | true",
            "否 | false",
            "否，内侧中 | false",
            "Yes | true",
            "no (research only) | false"})
    void readsOpenSourceFlags(String cell, boolean open) {
        assertThat(CellValues.openSource(cell, warnings::add)).isEqualTo(open);
    }

    @Test
    void leavesOtherOpenSourceCellsEmpty() {
        assertThat(CellValues.openSource("", warnings::add)).isNull();
        assertThat(warnings).isEmpty();
        assertThat(CellValues.openSource("GPT-NeoX-20B", warnings::add)).isNull();
        assertThat(warnings).containsExactly("openSource: 'GPT-NeoX-20B' is neither 是 nor 否; left empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2022-12-24 | 2022-12-24",
            "2023-2-27 | 2023-02-27",
            "2023年4月19日 | 2023-04-19",
            "2023 年 4 月 | 2023-04",
            "2023-4 | 2023-04",
            "2023/4/1 | 2023-04-01",
            "2023 | 2023"})
    void normalisesDates(String cell, String date) {
        assertThat(CellValues.date(cell, warnings::add)).isEqualTo(date);
    }

    @Test
    void leavesImpossibleOrUnreadableDatesEmpty() {
        assertThat(CellValues.date("2023-2-30", warnings::add)).isNull();
        assertThat(CellValues.date("soon", warnings::add)).isNull();
        assertThat(warnings).containsExactly("releasedAt: '2023-2-30' is not a real date; left empty",
                "releasedAt: 'soon' is not a date like 2023-04-19 or 2023年4月19日; left empty");
    }

    @Test
    void stripsBoldMarkersAndSpaces() {
        assertThat(CellValues.clean(" **mPLUG-Owl**\u00a0")).isEqualTo("mPLUG-Owl");
        assertThat(CellValues.clean("a \n b")).isEqualTo("a b");
    }
}
