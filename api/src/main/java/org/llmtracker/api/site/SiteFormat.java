package org.llmtracker.api.site;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.llmtracker.api.i18n.Languages;
import org.llmtracker.api.i18n.Texts;
import org.llmtracker.graph.lineage.Conflict;
import org.llmtracker.graph.model.Relation;

/** How pages write numbers, times and names of relations; all times in UTC, as the digest writes them. */
public final class SiteFormat {

    private final Texts texts;

    /** @param texts the reader's language: relation names, yes and no, sentences */
    public SiteFormat(Texts texts) {
        this.texts = texts;
    }

    /** A message of the reader's language ({@code messages*.properties}). */
    public String msg(String key, Object... args) {
        return texts.get(key, args);
    }

    /** "1 model" / "3 models": the key's {@code .one} or {@code .other} form (Chinese has one form). */
    public String count(String key, Number n) {
        return texts.get(key + (n != null && n.longValue() == 1 ? ".one" : ".other"), number(n));
    }

    public Texts texts() {
        return texts;
    }

    public String languageTag() {
        return Languages.tag(texts.locale());
    }

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
            return texts.get("duration.seconds", String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0));
        }
        return texts.get("duration.minutes", d.toMinutes(), d.toSecondsPart());
    }

    /** {@code FINETUNE} as people say it: "fine-tune". */
    public String relation(String relation) {
        if (relation == null) {
            return "–";
        }
        return texts.messages().getMessage("relation." + relation, null,
                relation.toLowerCase(Locale.ROOT).replace('_', ' '), texts.locale());
    }

    /** The heading of a group of children by relation, like the Hub's model tree. */
    public String relationGroup(String relation) {
        return texts.messages().getMessage("relation.group." + relation, null,
                texts.get("relation.group.other"), texts.locale());
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
            case "RELATION" -> texts.get("conflict.relation", relation(c.catalogRelation()), relation(c.hubRelation()));
            case "HUB_ONLY_PARENT" -> texts.get("conflict.hubOnly", relation(c.hubRelation()));
            case "INFERRED_DIFFERS" -> texts.get("conflict.inferred", relation(c.hubRelation()), c.inferredParent())
                    + (c.confidence() == null ? "" : texts.get("conflict.sure", String.format(Locale.ROOT, "%.0f", c.confidence() * 100)));
            default -> c.kind().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    public String yesNo(Boolean b) {
        return b == null ? "–" : texts.get(b ? "yes" : "no");
    }
}
