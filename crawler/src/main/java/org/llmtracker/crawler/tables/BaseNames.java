package org.llmtracker.crawler.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a base-model cell ("LLaMA、ChatGLM、BLOOM") as model names. Such cells are often prose
 * instead ("基于LLaMA的 OpenFlamingo-9B模型", or a sentence about the architecture); only the parts
 * that read as a model name are kept, the rest is returned so the importer can warn about it.
 */
final class BaseNames {

    /** The names found, and the parts of the cell that were not names. */
    record Parsed(List<String> names, List<String> ignored) {
    }

    private static final Pattern SEPARATOR = Pattern.compile("[、,，;；]");
    // An aside in brackets explains the name before it; it also ends that name.
    private static final Pattern ASIDE = Pattern.compile("[（(][^（()）]*[)）]");
    // "基于X的…": based on X.
    private static final Pattern BASED_ON = Pattern.compile("基于\\s*(.+?)\\s*的");
    // "…的X": X of something ("中文版本的LLaMA", a Chinese version of LLaMA); the model is X.
    private static final Pattern VERSION_OF = Pattern.compile(".*的\\s*([A-Za-z0-9][A-Za-z0-9 ._+\\-]*)");
    private static final Pattern MODEL_SUFFIX = Pattern.compile("\\s*模型$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._+\\-]{0,59}");
    private static final Pattern SIZE_ONLY = Pattern.compile("\\d+(?:\\.\\d+)?\\s*[KMBT]", Pattern.CASE_INSENSITIVE);
    private static final int MAX_WORDS = 4;

    private BaseNames() {
    }

    static Parsed parse(String cell) {
        String text = CellValues.clean(cell);
        String previous;
        do {
            previous = text;
            text = ASIDE.matcher(text).replaceAll("、");
        } while (!text.equals(previous));
        List<String> names = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String piece : SEPARATOR.split(text)) {
            String part = CellValues.clean(piece);
            if (part.isEmpty()) {
                continue;
            }
            String name = nameIn(part);
            if (name == null) {
                ignored.add(part);
            } else if (!names.contains(name)) {
                names.add(name);
            }
        }
        return new Parsed(names, ignored);
    }

    private static String nameIn(String part) {
        String candidate = part;
        Matcher basedOn = BASED_ON.matcher(candidate);
        Matcher versionOf = VERSION_OF.matcher(candidate);
        if (basedOn.find()) {
            candidate = basedOn.group(1);
        } else if (versionOf.matches()) {
            candidate = versionOf.group(1);
        }
        candidate = CellValues.clean(MODEL_SUFFIX.matcher(candidate).replaceAll(""));
        boolean isName = NAME.matcher(candidate).matches() && !SIZE_ONLY.matcher(candidate).matches()
                && candidate.split(" ").length <= MAX_WORDS;
        return isName ? candidate : null;
    }
}
