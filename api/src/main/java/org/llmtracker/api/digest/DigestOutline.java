package org.llmtracker.api.digest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.llmtracker.api.i18n.Texts;
import org.llmtracker.graph.digest.Digest;
import org.llmtracker.graph.digest.Digest.Mover;
import org.llmtracker.graph.digest.Digest.NewModel;
import org.llmtracker.graph.model.Page;

/**
 * The digest as headed sections of (possibly nested) items, in one language. Markdown, HTML,
 * Atom, the webhook and the home page all render this one outline, so they cannot disagree
 * about what a week held. Text here is plain and unescaped; each renderer escapes for its own
 * format. Model names are kept as upstream writes them.
 *
 * @param summary how the week's new models divide up, in a sentence
 */
public record DigestOutline(String title, String period, String summary, List<Section> sections) {

    /** The longest label kept: a name longer than this is upstream noise, not a name. */
    static final int MAX_LABEL = 160;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * @param slug     the section's route name; null for job health (not a list)
     * @param total    how many items the whole list holds ({@code items} are its first)
     * @param note     how the list is ranked, and how much of it is shown
     * @param allUrl   the whole list, a page at a time; null when everything is shown
     */
    public record Section(String slug, String title, List<Item> items, String whenEmpty, long total, String note,
            String allUrl, String allLabel) {

        public Section {
            items = List.copyOf(items);
        }

        Section first(int n) {
            return n >= items.size() ? this : new Section(slug, title, items.subList(0, n), whenEmpty, total, note, allUrl, allLabel);
        }
    }

    /** @param url null, or an http(s) URL or a path of this site; @param detail may be empty */
    public record Item(String label, String url, String detail, List<Item> children) {

        // Only web links and our own paths are kept: a javascript: URL from upstream must never become clickable.
        public Item {
            label = label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label;
            url = webUrl(url);
            children = List.copyOf(children);
        }

        private static String webUrl(String url) {
            if (url == null) {
                return null;
            }
            if (url.startsWith("/") && !url.startsWith("//")) {
                return url;
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

    /** The same outline with at most {@code n} items per section (totals and links unchanged). */
    DigestOutline first(int n) {
        return new DigestOutline(title, period, summary, sections.stream().map(s -> s.first(n)).toList());
    }

    int mostItems() {
        return sections.stream().mapToInt(s -> s.items().size()).max().orElse(0);
    }

    /**
     * @param base where links to this site start: {@code ""} on its own pages, the public address
     *             ({@code tracker.api.public-base-url}) in anything read elsewhere
     */
    public static DigestOutline of(Digest d, Texts t, String base) {
        String week = base + "/digests/" + d.week();
        Function<DigestSection, String> all = s -> week + "/" + s.slug();
        List<Section> sections = new ArrayList<>();
        sections.add(section(t, DigestSection.RELEASES, d.releases(), all, base, week));
        sections.add(section(t, DigestSection.STAR_MOVERS, d.starMovers(), all, base, week));
        sections.add(section(t, DigestSection.STAR_RISERS, d.starRisers(), all, base, week));
        sections.add(section(t, DigestSection.DERIVATIVES, d.derivatives(), all, base, week));
        sections.add(section(t, DigestSection.FAMILIES, d.families(), all, base, week));
        sections.add(section(t, DigestSection.NEW_FAMILIES, d.newFamilies(), all, base, week));
        sections.add(section(t, DigestSection.NEW_MODELS, d.newModels(), all, base, week));
        sections.add(section(t, DigestSection.DOWNLOAD_MOVERS, d.downloadMovers(), all, base, week));
        sections.add(section(t, DigestSection.LIKE_MOVERS, d.likeMovers(), all, base, week));
        sections.add(new Section(null, t.get("digest.section.health"), d.crawlHealth().stream().map(h -> Item.of(h.job(), null,
                t.get("digest.health.detail", h.runs(), h.succeeded(), h.partial(), h.rateLimitStops(), h.failed(),
                        h.aborted(), number(h.requests())))).toList(), t.get("digest.empty.health"),
                d.crawlHealth().size(), "", null, null));
        sections.add(licenseConflicts(d, t, base));
        Digest.WeekCounts c = d.counts();
        return new DigestOutline(t.get("digest.title", d.week()),
                t.get("digest.period", DAY.format(d.from()), DAY.format(d.to().minusSeconds(1))),
                t.get("digest.summary", number(c.firstSeen()), number(c.newFamilies()), number(c.derivatives()),
                        number(c.newVersions()), number(c.unplaced())), sections);
    }

    /**
     * One item of a section's list, as the digest and the section's own paged page show it.
     *
     * @param week the week's page: {@code <base>/digests/<week>}
     */
    public static Item item(DigestSection s, Object o, Texts t, String base, String week) {
        return switch (s) {
            case RELEASES -> {
                Digest.NewRelease r = (Digest.NewRelease) o;
                yield Item.of(r.repository() + " " + r.tag(), r.url(),
                        (r.name() == null || r.name().isBlank() ? "" : "“" + r.name() + "”, ") + MINUTE.format(r.publishedAt())
                                + (r.prerelease() ? ", " + t.get("digest.prerelease") : ""));
            }
            case STAR_MOVERS, STAR_RISERS -> mover(t, (Mover) o, "stars");
            case DOWNLOAD_MOVERS -> mover(t, (Mover) o, "downloads");
            case LIKE_MOVERS -> mover(t, (Mover) o, "likes");
            case DERIVATIVES -> {
                Digest.DerivativeGroup g = (Digest.DerivativeGroup) o;
                yield new Item(g.baseName() + " · " + relation(t, g.relation()), base + "/models/" + g.base(),
                        t.get("digest.group.detail", number(g.count())), children(g.top().stream().map(x -> Item.of(x.name(),
                                hubUrl(x.id()), downloads(t, x.downloads()))).toList(), g.count(),
                                week + "/new-models?family=" + encode(g.base()) + "&relation=" + g.relation(), t));
            }
            case FAMILIES -> {
                Digest.FamilyGrowth f = (Digest.FamilyGrowth) o;
                yield new Item(f.name(), base + "/models/" + f.id(),
                        t.get("digest.family.detail", number(f.newDescendants()), byRelation(t, f.byRelation()))
                                + (f.generations().isEmpty() ? "" : " · " + t.get("digest.family.generations",
                                        String.join(", ", f.generations()))),
                        children(f.top().stream().map(m -> newModel(t, m, false)).toList(), f.newDescendants(),
                                week + "/new-models?family=" + encode(f.id()), t));
            }
            case NEW_FAMILIES -> newModel(t, (NewModel) o, false);
            case NEW_MODELS -> newModel(t, (NewModel) o, true);
        };
    }

    private static <T> Section section(Texts t, DigestSection s, Page<T> page, Function<DigestSection, String> all,
            String base, String week) {
        Function<T, Item> item = x -> item(s, x, t, base, week);
        boolean more = page.total() > page.items().size();
        String note = t.get("digest.score", t.get("digest.score." + s.key()))
                + (more ? " " + t.get("digest.shown", number(page.items().size()), number(page.total())) : "");
        return new Section(s.slug(), t.get("digest.section." + s.key()), page.items().stream().map(item).toList(),
                t.get("digest.empty." + s.key()), page.total(), note, all.apply(s),
                t.get("digest.all", number(page.total())));
    }

    // The group's top models, then a link to all of them when there are more.
    private static List<Item> children(List<Item> top, long total, String allUrl, Texts t) {
        List<Item> children = new ArrayList<>(top);
        if (total > top.size()) {
            children.add(Item.of(t.get("digest.all", number(total)), allUrl, ""));
        }
        return children;
    }

    private static Item newModel(Texts t, NewModel m, boolean withFamily) {
        List<String> facts = new ArrayList<>();
        if (m.relation() == null) {
            facts.add(t.get("digest.model.newBase"));
        } else {
            facts.add(relation(t, m.relation()));
        }
        if (withFamily && m.familyName() != null) {
            facts.add(t.get("digest.model.family", m.familyName()));
        }
        if (m.downloads() != null) {
            facts.add(t.get("unit.downloads", number(m.downloads())));
        }
        if (m.likes() != null && m.likes() > 0) {
            facts.add(t.get("unit.likes", number(m.likes())));
        }
        return Item.of(m.name(), hubUrl(m.id()), String.join(t.chinese() ? "，" : ", ", facts));
    }

    private static Item mover(Texts t, Mover m, String unit) {
        return Item.of(m.name(), m.url(), signed(m.delta()) + " " + t.get("digest.unit." + unit) + " ("
                + number(m.before()) + " → " + number(m.after())
                + (m.relative() == null ? "" : ", " + String.format(Locale.ROOT, "%+.1f%%", m.relative() * 100)) + ")");
    }

    private static String byRelation(Texts t, Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> relation(t, e.getKey()) + " " + number(e.getValue()))
                .reduce((a, b) -> a + " · " + b).orElse("");
    }

    private static String relation(Texts t, String relation) {
        return t.messages().getMessage("relation." + relation, null, relation, t.locale());
    }

    private static String downloads(Texts t, Long n) {
        return n == null ? "" : t.get("unit.downloads", number(n));
    }

    // Catalogue ids are not Hub ids; only Hub models (owner/name) link to the Hub.
    // Information, not legal advice: each item names the licence and the ancestor's terms it drops.
    private static Section licenseConflicts(Digest d, Texts t, String base) {
        Page<org.llmtracker.graph.license.LicenseConflict> page = d.licenseConflicts();
        List<Item> items = page.items().stream().map(c -> Item.of(c.name() == null ? c.id() : c.name(), hubUrl(c.id()),
                t.get("digest.license.detail", c.license(), c.ancestorLicense(), c.ancestor(), c.reason()))).toList();
        String note = page.total() > items.size() ? t.get("digest.shown", number(items.size()), number(page.total())) : "";
        return new Section("license-conflicts", t.get("digest.section.licenses"), items, t.get("digest.empty.licenses"),
                page.total(), note, base + "/licenses/conflicts", t.get("digest.all", number(page.total())));
    }

    private static String hubUrl(String id) {
        return !id.contains("/") ? null : "https://huggingface.co/" + id;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static String signed(long n) {
        return (n > 0 ? "+" : "") + number(n);
    }

    static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }
}
