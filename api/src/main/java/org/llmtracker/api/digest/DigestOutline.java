package org.llmtracker.api.digest;

import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.llmtracker.graph.digest.Digest;
import org.llmtracker.graph.digest.Digest.Mover;

/**
 * The digest as headed sections of (possibly nested) items. Markdown, HTML, Atom and the
 * webhook all render this one outline, so they cannot disagree about what a week held.
 * Text here is plain and unescaped; each renderer escapes for its own format.
 */
public record DigestOutline(String title, String period, List<Section> sections) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    public record Section(String title, List<Item> items, String whenEmpty) {
    }

    /** @param url null, or an http(s) URL; @param detail may be empty */
    public record Item(String label, String url, String detail, List<Item> children) {

        // Only web links are kept: a javascript: URL from upstream must never become clickable.
        public Item {
            url = webUrl(url);
        }

        private static String webUrl(String url) {
            if (url == null) {
                return null;
            }
            try {
                String scheme = java.net.URI.create(url).getScheme();
                return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) ? url : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        static Item of(String label, String url, String detail) {
            return new Item(label, url, detail, List.of());
        }
    }

    public static DigestOutline of(Digest d) {
        List<Section> sections = List.of(
                new Section("New releases", d.releases().stream().map(r -> Item.of(r.repository() + " " + r.tag(), r.url(),
                        (r.name() == null || r.name().isBlank() ? "" : "“" + r.name() + "”, ") + MINUTE.format(r.publishedAt())
                                + (r.prerelease() ? ", pre-release" : ""))).toList(), "No releases from tracked repositories."),
                new Section("Star movers", movers(d.starMovers(), "stars"), "No star changes recorded."),
                new Section("Fastest risers", movers(d.starRisers(), "stars"), "No repository grew noticeably."),
                new Section("New models", newModels(d), "No new models."),
                new Section("New derivatives", derivatives(d), "No new derivatives of catalogued models."),
                new Section("Hugging Face download movers", movers(d.downloadMovers(), "downloads"), "No download changes recorded."),
                new Section("Hugging Face like movers", movers(d.likeMovers(), "likes"), "No like changes recorded."),
                new Section("Job health", d.crawlHealth().stream().map(h -> Item.of(h.job(), null,
                        h.runs() + " runs: " + h.succeeded() + " succeeded, " + h.partial() + " partial ("
                                + h.rateLimitStops() + " rate-limit stops), " + h.failed() + " failed, "
                                + h.aborted() + " aborted; "
                                + number(h.requests()) + " requests")).toList(), "No crawl ran this week."),
                new Section("New licence conflicts", licenseConflicts(d),
                        "No model's licence newly drops its ancestor's terms."));
        return new DigestOutline("llm-tracker digest " + d.week(),
                DAY.format(d.from()) + " to " + DAY.format(d.to().minusSeconds(1)) + " (UTC)", sections);
    }

    private static List<Item> movers(List<Mover> movers, String unit) {
        return movers.stream().map(m -> Item.of(m.name(), m.url(), signed(m.delta()) + " " + unit + " ("
                + number(m.before()) + " → " + number(m.after())
                + (m.relative() == null ? "" : ", " + String.format(Locale.ROOT, "%+.1f%%", m.relative() * 100)) + ")")).toList();
    }

    private static List<Item> newModels(Digest d) {
        Map<String, List<Item>> byFamily = new LinkedHashMap<>();
        d.newModels().forEach(m -> byFamily.computeIfAbsent(m.family() == null ? "No catalogued family" : m.family(),
                k -> new ArrayList<>()).add(Item.of(m.name(), hubUrl(m.id(), m.catalogued()),
                (m.catalogued() ? "catalogued" : "discovered") + (m.downloads() == null ? "" : ", " + number(m.downloads()) + " downloads"))));
        return byFamily.entrySet().stream()
                .map(e -> new Item(e.getKey(), null, e.getValue().size() + " new", e.getValue())).toList();
    }

    // Bounded: the most downloaded; the rest are counted. Verdicts are information, not legal advice.
    private static List<Item> licenseConflicts(Digest d) {
        List<Item> items = new ArrayList<>(d.licenseConflicts().top().stream().map(c -> Item.of(
                c.name() == null ? c.id() : c.name(), hubUrl(c.id(), false), c.license() + " over " + c.ancestorLicense()
                        + " of " + c.ancestor() + " (" + c.reason() + ")")).toList());
        long more = d.licenseConflicts().total() - items.size();
        if (more > 0) {
            items.add(Item.of("and " + number(more) + " more", null, "see the Licences page"));
        }
        return items;
    }

    private static List<Item> derivatives(Digest d) {
        return d.derivatives().stream().map(g -> new Item(g.baseName() + " · " + g.relation(), null, g.count() + " new",
                g.top().stream().map(x -> Item.of(x.name(), hubUrl(x.id(), false),
                        x.downloads() == null ? "" : number(x.downloads()) + " downloads")).toList())).toList();
    }

    // Catalogue ids are not Hub ids; only discovered models are named by their Hub id.
    private static String hubUrl(String id, boolean catalogued) {
        return catalogued || !id.contains("/") ? null : "https://huggingface.co/" + id;
    }

    private static String signed(long n) {
        return (n > 0 ? "+" : "") + number(n);
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }
}
