package org.llmtracker.crawler.tables;

import java.util.Locale;
import java.util.regex.Pattern;

/** How imported names are compared and turned into ids. */
final class NameKeys {

    private static final Pattern SIZE_SUFFIX = Pattern.compile("[-_ ]?\\d+(?:\\.\\d+)?\\s?[kmbt]$");

    private NameKeys() {
    }

    /**
     * The key two spellings of one project share: "LLaMA", "llama" and "LLaMA-7B" all give
     * {@code llama}. Case, '-', '_' and spaces are ignored, and a trailing size, since a table
     * names a family by one of its sizes. "GPT-3" keeps its 3: a size needs a unit.
     */
    static String key(String name) {
        String lower = CellValues.clean(name).toLowerCase(Locale.ROOT);
        String withoutSize = SIZE_SUFFIX.matcher(lower).replaceFirst("");
        String key = (withoutSize.isBlank() ? lower : withoutSize).replaceAll("[-_\\s]+", "");
        return key.isEmpty() ? lower : key;
    }

    /** An id from the name's ASCII letters and digits ("华驼(HuaTuo)" gives huatuo); empty when it has none. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
