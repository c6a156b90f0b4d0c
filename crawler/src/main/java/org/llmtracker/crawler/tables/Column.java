package org.llmtracker.crawler.tables;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The table columns the importer understands, recognised by their header in Chinese or English. */
enum Column {
    NAME("name", "名称", "名字", "模型名称", "模型", "项目", "name", "model", "project"),
    ORGANISATION("organisation", "组织", "机构", "单位", "团队", "organisation", "organization", "org", "publisher"),
    PARAMETERS("parameters", "参数量", "参数", "参数规模", "parameters", "params", "size"),
    OPEN_SOURCE("openSource", "是否开源", "开源", "opensource"),
    BASE_MODELS("baseModels", "base模型", "基座模型", "基础模型", "base", "basemodel", "basemodels"),
    RELEASED_AT("releasedAt", "推出日期", "发布日期", "发布时间", "日期", "date", "releasedate", "released",
            "releasedat"),
    LINKS("links", "参考链接", "链接", "参考", "links", "link", "references", "reference", "url", "urls");

    private final String field;
    private final List<String> headers;

    Column(String field, String... headers) {
        this.field = field;
        this.headers = List.of(headers);
    }

    /** The catalogue field the column fills, for warnings. */
    String field() {
        return field;
    }

    /** The column a header names, ignoring case, spaces, bold markers and punctuation ("Base Model:"). */
    static Optional<Column> of(String header) {
        String normalised = header.toLowerCase(Locale.ROOT).replaceAll("[\\s*_\\-:：]+", "");
        for (Column column : values()) {
            if (column.headers.contains(normalised)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
