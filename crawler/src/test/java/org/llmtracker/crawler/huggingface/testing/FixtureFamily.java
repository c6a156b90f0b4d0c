package org.llmtracker.crawler.huggingface.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A generated, deterministic Hub family of 317 models under one catalogued base: 250 direct
 * derivatives (three list pages of 100), 50 + 12 further down, every relation the Hub knows
 * (finetune, adapter, quantized, merge) and a bare tag (unknown), a merge of three parents, a
 * base renamed twice (a 307 for the catalogued id, and cards still naming an old id), a cycle,
 * a gated model, malformed list items, a listing that answers a broken body, derivatives
 * under the download bound that discovery must leave out, and cards naming a newer version
 * ({@code new_version}: the root's, outside the family, and one derivative's, inside it).
 */
public final class FixtureFamily {

    public static final String ROOT = "fixture-org/Base-7B";
    /** The id the catalogue knows; the Hub answers 307 to {@link #ROOT}. */
    public static final String LEGACY_ROOT = "fixture-legacy/Base-7B";
    /** An old id of the root that some model cards still name. */
    public static final String CARD_OLD_ROOT = "fixture-org/Base-7B-preview";
    public static final String TRI_MERGE = "merger/Tri-Merge-7B";
    public static final String GATED = "tuner05/Base-7B-ft-005";
    public static final String BROKEN_LISTER = "broken/Lister-7B";
    /** The root's card names this newer release, which the family does not hold. */
    public static final String ROOT_V2 = "fixture-org/Base-7B-v2";
    public static final long MIN_DOWNLOADS = 100;

    private static final String[] RELATIONS = {"finetune", "adapter", "quantized", "finetune"};

    private final Map<String, FixtureModel> models = new LinkedHashMap<>();
    private final List<String> belowBound = new ArrayList<>();
    private final Map<String, List<FixtureModel>> childrenOf = new HashMap<>();

    private FixtureFamily() {
    }

    public static FixtureFamily generate() {
        FixtureFamily family = new FixtureFamily();
        family.put(FixtureModel.of(ROOT, 5_000_000, Map.of()).withNewVersion(ROOT_V2));
        List<String> level1 = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String relation = RELATIONS[i % 4];
            String id = "quantized".equals(relation)
                    ? String.format("quant%02d/Base-7B-ft-%03d-GGUF", i % 13, i)
                    : String.format("tuner%02d/Base-7B-ft-%03d", i % 17, i);
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put(ROOT, i == 7 ? null : relation);
            FixtureModel model = FixtureModel.of(id, 2_000_000 / (i + 1), tags);
            model = switch (i % 3) {
                case 0 -> model.withCard(ROOT, null);
                case 1 -> model.withCard(List.of(ROOT), null);
                default -> model;
            };
            if (i == 13 || i == 14) {
                model = model.withCard(CARD_OLD_ROOT, null);
            }
            if (i == 5) {
                model = model.gatedAs("manual");
            }
            if (i == 20) {
                model = model.withNewVersion(String.format("tuner%02d/Base-7B-ft-%03d", 21 % 17, 21));
            }
            family.put(model);
            level1.add(id);
        }
        for (int t = 0; t < 6; t++) {
            String id = "tiny/Base-7B-toy-" + t;
            family.belowBound.add(id);
            family.put(FixtureModel.of(id, 8 - t, Map.of(ROOT, "finetune")));
        }
        List<String> level2 = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            for (int c = 0; c < 5; c++) {
                String relation = new String[] {"quantized", "adapter", "finetune"}[(p + c) % 3];
                String id = String.format("lvl2/ft%03d-child-%d", p, c);
                family.put(FixtureModel.of(id, 50_000 / (p * 5 + c + 1), Map.of(level1.get(p), relation)));
                level2.add(id);
            }
        }
        Map<String, String> three = new LinkedHashMap<>();
        level1.subList(0, 3).forEach(id -> three.put(id, "merge"));
        family.put(FixtureModel.of(TRI_MERGE, 30_000, three).withCard(List.copyOf(three.keySet()), "merge"));
        Map<String, String> two = new LinkedHashMap<>();
        level1.subList(3, 5).forEach(id -> two.put(id, null));
        family.put(FixtureModel.of("merger/Duo-Merge-7B", 20_000, two).withCard(List.copyOf(two.keySet()), null));
        family.put(FixtureModel.of(BROKEN_LISTER, 15_000, Map.of(level1.get(8), "finetune")).withBrokenListing(2));
        for (int p = 0; p < 3; p++) {
            for (int c = 0; c < 4; c++) {
                String relation = new String[] {"quantized", "adapter", "finetune", "merge"}[c];
                String id = String.format("lvl3/ft000-child-%d-%d", p, c);
                family.put(FixtureModel.of(id, 900 - p * 40 - c * 10, Map.of(level2.get(p), relation)));
            }
        }
        // A cycle: Loop-A derives from a level-1 model and from Loop-B, which derives from Loop-A.
        Map<String, String> loopA = new LinkedHashMap<>();
        loopA.put(level1.get(1), "finetune");
        loopA.put("cycle/Loop-B", "finetune");
        family.put(FixtureModel.of("cycle/Loop-A", 12_000, loopA));
        family.put(FixtureModel.of("cycle/Loop-B", 11_000, Map.of("cycle/Loop-A", "quantized")));
        return family;
    }

    private void put(FixtureModel model) {
        models.put(key(model.id()), model);
    }

    public FixtureModel model(String id) {
        return models.get(key(id));
    }

    public List<FixtureModel> models() {
        return List.copyOf(models.values());
    }

    /** What the Hub lists under {@code filter=base_model:parent}, most downloaded first. */
    public List<FixtureModel> listedUnder(String parent) {
        synchronized (childrenOf) {
            return childrenOf.computeIfAbsent(key(parent), this::children);
        }
    }

    private List<FixtureModel> children(String parent) {
        List<FixtureModel> children = new ArrayList<>();
        for (FixtureModel m : models.values()) {
            if (m.listedUnder().stream().anyMatch(p -> key(p).equals(key(parent)))) {
                children.add(m);
            }
        }
        children.sort((a, b) -> Long.compare(b.downloads(), a.downloads()));
        return List.copyOf(children);
    }

    public long childCount(FixtureModel model) {
        return model.claimedChildren() != null ? model.claimedChildren() : listedUnder(model.id()).size();
    }

    /**
     * What discovery from the root should find, {@code maxDepth} generations deep: each model
     * with its shortest depth and the relations of its links at that depth, lower-cased ids.
     */
    public Map<String, Expected> expected(int maxDepth) {
        Map<String, Expected> found = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>(List.of(key(ROOT)));
        List<String> frontier = List.of(ROOT);
        for (int depth = 1; depth <= maxDepth && !frontier.isEmpty(); depth++) {
            Map<String, Set<String>> level = new LinkedHashMap<>();
            for (String parent : frontier) {
                FixtureModel p = model(parent);
                if (p.brokenListing()) {
                    continue;
                }
                for (FixtureModel child : listedUnder(parent)) {
                    if (child.downloads() < MIN_DOWNLOADS || seen.contains(key(child.id()))) {
                        continue;
                    }
                    level.computeIfAbsent(key(child.id()), k -> new TreeSet<>()).add(relationOf(child, parent));
                }
            }
            for (Map.Entry<String, Set<String>> e : level.entrySet()) {
                found.put(e.getKey(), new Expected(depth, Collections.unmodifiableSet(e.getValue())));
            }
            seen.addAll(level.keySet());
            frontier = List.copyOf(level.keySet());
        }
        return found;
    }

    /** How the Hub tags say {@code child} derives from {@code parent}, as a DERIVED_FROM relation. */
    public String relationOf(FixtureModel child, String parent) {
        Map<String, String> byKey = new HashMap<>();
        child.tagParents().forEach((k, v) -> byKey.put(key(k), v));
        String relation = byKey.get(key(parent));
        if (relation != null) {
            return relation.toUpperCase(Locale.ROOT);
        }
        return child.tagParents().size() > 1 ? "MERGE" : "UNKNOWN";
    }

    public List<String> belowBound() {
        return List.copyOf(belowBound);
    }

    static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    /** A model's expected place in the family. */
    public record Expected(int depth, Set<String> relations) {
    }
}
