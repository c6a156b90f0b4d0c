package org.llmtracker.crawler.inference;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the inference reports ({@link CollisionReportTests}, {@link InferencePrecisionReportTests}) print:
 * Markdown tables (a blank line, the header and its rule, then rows) of {@link Score}s.
 */
final class InferenceReport {

    private InferenceReport() {
    }

    /** A blank line, then a table's header and rule. */
    static void header(String... columns) {
        System.out.println();
        row((Object[]) columns);
        System.out.println("|" + "---|".repeat(columns.length));
    }

    /** One row; numbers as they are, shares already formatted ({@link #percent}). */
    static void row(Object... cells) {
        System.out.println(Arrays.stream(cells).map(String::valueOf).collect(Collectors.joining(" | ", "| ", " |")));
    }

    /** A share as "97.5%". */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** Cases in a slice, links inferred (kept) among them, the right ones, and the close calls left unlinked. */
    static final class Score {
        int cases;
        int inferred;
        int right;
        int ambiguous;

        double precisionValue() {
            return inferred == 0 ? 1 : (double) right / inferred;
        }

        /** "-" when nothing was inferred: no precision to speak of. */
        String precision() {
            return inferred == 0 ? "-" : percent((double) right / inferred);
        }

        double recall() {
            return cases == 0 ? 1 : (double) right / cases;
        }

        double coverage() {
            return cases == 0 ? 0 : (double) inferred / cases;
        }
    }
}
