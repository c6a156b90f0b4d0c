package org.llmtracker.crawler.tables;

import org.llmtracker.crawler.catalog.CatalogFormats;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values people type into tracking tables ("70 亿", "否，内侧中", "2023年4月19日") as
 * catalogue values. A value that cannot be read becomes null and a warning, never an error: one
 * odd cell must not stop an import.
 */
final class CellValues {

    // A size with its unit; 亿 is 10^8 and 万亿 10^12, as Chinese texts count parameters.
    private static final Pattern SIZE = Pattern.compile(
            "(?<![A-Za-z0-9.])(\\d+(?:\\.\\d+)?)\\s*(万亿|亿|[KMBT])(?![A-Za-z])", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*(?:[-/.年]\\s*(\\d{1,2})\\s*(?:[-/.月]\\s*(\\d{1,2})\\s*日?|月)?)?\\s*年?");
    private static final Set<String> YES = Set.of("是", "yes", "y", "true", "开源", "✓", "✔");
    private static final Set<String> NO = Set.of("否", "no", "n", "false", "闭源", "不开源", "✗", "✘");

    private CellValues() {
    }

    /** Cell text without Markdown bold markers, non-breaking spaces and surrounding blanks. */
    static String clean(String text) {
        String cleaned = text.replace('\u00a0', ' ').strip();
        while (cleaned.length() >= 4 && (cleaned.startsWith("**") && cleaned.endsWith("**")
                || cleaned.startsWith("__") && cleaned.endsWith("__"))) {
            cleaned = cleaned.substring(2, cleaned.length() - 2).strip();
        }
        return cleaned.replaceAll("\\s+", " ");
    }

    /** "175B", "参数量大16B" (16B) or "70 亿、130 亿" (7B/13B) as a size label; null with a warning otherwise. */
    static String parameters(String text, Consumer<String> warn) {
        if (text.isEmpty()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("token") || text.contains("数据集")) {
            warn.accept("parameters: '" + text + "' is the size of a data set, not a parameter count; left empty");
            return null;
        }
        Set<String> sizes = new LinkedHashSet<>();
        Matcher m = SIZE.matcher(text);
        while (m.find()) {
            sizes.add(label(new BigDecimal(m.group(1)).multiply(unit(m.group(2)))));
        }
        String label = String.join("/", sizes);
        if (sizes.isEmpty() || CatalogFormats.parametersProblem(label).isPresent()) {
            warn.accept("parameters: found no size like 7B or 70 亿 in '" + text + "'; left empty");
            return null;
        }
        return label;
    }

    /** 是 is true, 否 (also "否，内侧中") false, an empty cell null; anything else null with a warning. */
    static Boolean openSource(String text, Consumer<String> warn) {
        if (text.isEmpty()) {
            return null;
        }
        String first = text.split("[，,；;。（(\\s]", 2)[0].toLowerCase(Locale.ROOT);
        if (YES.contains(first)) {
            return true;
        }
        if (NO.contains(first)) {
            return false;
        }
        warn.accept("openSource: '" + text + "' is neither 是 nor 否; left empty");
        return null;
    }

    /** "2023-2-27", "2023年4月19日" or "2023-4" as YYYY-MM-DD or YYYY-MM; null with a warning otherwise. */
    static String date(String text, Consumer<String> warn) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            warn.accept("releasedAt: '" + text + "' is not a date like 2023-04-19 or 2023年4月19日; left empty");
            return null;
        }
        StringBuilder date = new StringBuilder(m.group(1));
        for (int group = 2; group <= 3 && m.group(group) != null; group++) {
            date.append('-').append(m.group(group).length() == 1 ? "0" : "").append(m.group(group));
        }
        if (CatalogFormats.dateProblem(date.toString()).isPresent()) {
            warn.accept("releasedAt: '" + text + "' is not a real date; left empty");
            return null;
        }
        return date.toString();
    }

    private static BigDecimal unit(String unit) {
        return switch (unit.toUpperCase(Locale.ROOT)) {
            case "K" -> BigDecimal.TEN.pow(3);
            case "M" -> BigDecimal.TEN.pow(6);
            case "亿" -> BigDecimal.TEN.pow(8);
            case "B" -> BigDecimal.TEN.pow(9);
            default -> BigDecimal.TEN.pow(12); // T and 万亿
        };
    }

    /** A count in the largest unit that keeps it at least 1: 1.3e10 is 13B, 7.7e8 is 770M. */
    private static String label(BigDecimal count) {
        String[] units = {"T", "B", "M", "K"};
        int[] exponents = {12, 9, 6, 3};
        for (int i = 0; i < units.length; i++) {
            BigDecimal scaled = count.movePointLeft(exponents[i]);
            if (scaled.compareTo(BigDecimal.ONE) >= 0 || i == units.length - 1) {
                return scaled.stripTrailingZeros().toPlainString() + units[i];
            }
        }
        throw new AssertionError("unreachable");
    }
}
