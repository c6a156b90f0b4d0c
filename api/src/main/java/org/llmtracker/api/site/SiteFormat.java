package org.llmtracker.api.site;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.llmtracker.graph.lineage.Conflict;
import org.llmtracker.graph.model.Relation;

/** How pages write numbers, times and names of relations; all times in UTC, as the digest writes them. */
public final class SiteFormat {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public String number(Number n) {
        return n == null ? "–" : NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }

    public String day(Instant at) {
        return at == null ? "–" : DAY.format(at);
    }

    /** A stored date or date-time as text ({@code 2023-02-24}, {@code 2019-10-03T00:57:23Z}): its day. */
    public String day(String text) {
        return text == null || text.isBlank() ? "–" : text.length() > 10 ? text.substring(0, 10) : text;
    }

    public String minute(Instant at) {
        return at == null ? "–" : MINUTE.format(at);
    }

    public String duration(Instant from, Instant to) {
        if (from == null || to == null) {
            return "–";
        }
        Duration d = Duration.between(from, to);
        if (d.toSeconds() < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    /** {@code FINETUNE} as people say it: "fine-tune". */
    public String relation(String relation) {
        if (relation == null) {
            return "–";
        }
        return switch (relation) {
            case "FINETUNE" -> "fine-tune";
            case "ADAPTER" -> "adapter";
            case "QUANTIZED" -> "quantized";
            case "MERGE" -> "merge";
            case "CONTINUED_PRETRAINING" -> "continued pre-training";
            default -> relation.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** The heading of a group of children by relation, like the Hub's model tree. */
    public String relationGroup(String relation) {
        return switch (relation) {
            case "FINETUNE" -> "Fine-tunes";
            case "ADAPTER" -> "Adapters";
            case "QUANTIZED" -> "Quantizations";
            case "MERGE" -> "Merges";
            case "CONTINUED_PRETRAINING" -> "Continued pre-training";
            default -> "Other derivatives";
        };
    }

    /** Counts by key, largest first (ties by key), for "fine-tune 40 · quantized 12". */
    public List<Map.Entry<String, Long>> largestFirst(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    /** The CSS class of a relation's colour. */
    public String relationClass(String relation) {
        return "rel-" + (relation == null ? "root" : relation.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public Relation[] relations() {
        return Relation.values();
    }

    /** What a lineage conflict says, in a sentence after "child → parent:". */
    public String conflict(Conflict c) {
        return switch (c.kind()) {
            case "RELATION" -> "the catalogue says " + relation(c.catalogRelation()) + ", the Hub says " + relation(c.hubRelation());
            case "HUB_ONLY_PARENT" -> "only the Hub names this parent (" + relation(c.hubRelation()) + ")";
            case "INFERRED_DIFFERS" -> "declared now (" + relation(c.hubRelation()) + "); inference had said "
                    + c.inferredParent() + (c.confidence() == null ? "" : String.format(Locale.ROOT, " (%.0f%% sure)", c.confidence() * 100));
            default -> c.kind().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    public String yesNo(Boolean b) {
        return b == null ? "–" : b ? "yes" : "no";
    }
}
