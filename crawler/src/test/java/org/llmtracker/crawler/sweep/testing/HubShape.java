package org.llmtracker.crawler.sweep.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A generated Hub, shaped like the recorded listings, as a pure function of a model's position
 * (0 = the newest change): no model is held in memory, so two million cost nothing until listed.
 * About one model in five declares parents, always older ones (the Hub's bases come first);
 * 30% of those pick one of a few hundred big bases, giving a heavy-tailed family size. Relations
 * follow the Hub's mix (35% quantized, 45% fine-tune, 15% adapter, 5% merges of two), a few tags
 * name no relation, a few name a base in other letters, and one linked model in a hundred names a
 * base the listing never shows (private or deleted: it becomes a stub).
 */
public final class HubShape {

    public static final Instant NEWEST = Instant.parse("2026-10-31T23:00:00Z");

    /** Time between two consecutive changes: two million span about two and a half years. */
    public static final Duration STEP = Duration.ofSeconds(37);

    private static final String[] BASE_AUTHORS = {"meta-llama", "mistralai", "Qwen", "google", "microsoft",
            "deepseek-ai", "THUDM", "tiiuae", "EleutherAI", "bigscience"};
    private static final String[] ARCHITECTURES = {"llama", "mistral", "qwen2", "gemma", "phi3", "gpt_neox"};

    private final int size;

    public HubShape(int size) {
        this.size = size;
    }

    public int size() {
        return size;
    }

    public ListedModel model(int i) {
        long h = mix(i);
        Instant lastModified = NEWEST.minus(STEP.multipliedBy(i));
        Instant createdAt = lastModified.minus(Duration.ofHours(Math.floorMod(h >>> 7, 24 * 400)));
        List<Parent> parents = parents(i);
        boolean quantized = parents.stream().anyMatch(p -> "quantized".equals(p.relation()));
        boolean adapter = parents.stream().anyMatch(p -> "adapter".equals(p.relation()));
        String arch = ARCHITECTURES[Math.floorMod(h >>> 11, ARCHITECTURES.length)];
        List<String> tags = new ArrayList<>(List.of(quantized ? "gguf" : "transformers", "safetensors", arch,
                "text-generation"));
        for (Parent p : parents) {
            tags.add("base_model:" + p.spelling());
            if (p.relation() != null) {
                tags.add("base_model:" + p.relation() + ":" + p.spelling());
            }
        }
        tags.addAll(List.of("license:apache-2.0", "autotrain_compatible", "endpoints_compatible", "region:us"));
        long gatedRoll = Math.floorMod(h >>> 17, 100);
        String gated = gatedRoll < 3 ? "manual" : gatedRoll < 4 ? "auto" : "false";
        long downloads = (long) (5_000_000.0 / (1 + Math.floorMod(h >>> 21, 1_000_000)));
        return new ListedModel(String.format("%08x%016x", i, h), id(i), author(i), createdAt, lastModified, downloads,
                downloads / 50, "text-generation", quantized ? "gguf" : adapter ? "peft" : "transformers", tags, gated);
    }

    public String id(int i) {
        return author(i) + "/" + (i >= size - BASE_AUTHORS.length * 40 ? "Base-" : "model-") + i;
    }

    /** The links model {@code i} declares, child to parent id as the graph keys it (lower case), with the relation. */
    public Map<String, String> links(int i) {
        Map<String, String> links = new LinkedHashMap<>();
        List<Parent> parents = parents(i);
        for (Parent p : parents) {
            links.put(p.spelling().toLowerCase(Locale.ROOT), p.relation() == null
                    ? parents.size() > 1 ? "MERGE" : "UNKNOWN" : p.relation().toUpperCase(Locale.ROOT));
        }
        return links;
    }

    /** Whether a parent id is one the listing never shows. */
    public static boolean unlisted(String parentId) {
        return parentId.startsWith("ghost-org/");
    }

    private String author(int i) {
        if (i >= size - BASE_AUTHORS.length * 40) {
            return BASE_AUTHORS[i % BASE_AUTHORS.length];
        }
        return "user" + Math.floorMod(mix(i) >>> 29, 40_000);
    }

    private List<Parent> parents(int i) {
        long h = mix(i ^ 0x5bd1e995);
        if (Math.floorMod(h, 5) != 0 || i >= size - 1) {
            return List.of();
        }
        int count = Math.floorMod(h >>> 8, 20) == 0 ? 2 : 1;
        long roll = Math.floorMod(h >>> 13, 100);
        String relation = count == 2 ? "merge" : roll < 35 ? "quantized" : roll < 80 ? "finetune" : roll < 95 ? "adapter"
                : null;
        List<Parent> parents = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            long pick = mix(i * 31L + k);
            String id;
            if (Math.floorMod(pick, 100) == 0) {
                id = "ghost-org/private-base-" + Math.floorMod(pick >>> 9, 500);
            } else {
                id = id(parent(i, pick));
            }
            String spelling = Math.floorMod(pick >>> 3, 100) == 1 ? id.toUpperCase(Locale.ROOT) : id;
            if (parents.stream().noneMatch(p -> p.spelling().equalsIgnoreCase(spelling))) {
                parents.add(new Parent(spelling, relation));
            }
        }
        return parents;
    }

    /** An older model: one of the big bases 30% of the time, else one a little further down the listing. */
    private int parent(int i, long pick) {
        int bases = Math.min(size - i - 1, 400);
        if (Math.floorMod(pick >>> 5, 10) < 3 && bases > 0) {
            return size - 1 - (int) Math.floorMod(pick >>> 17, bases);
        }
        long span = Math.min(size - i - 1, 200_000);
        return i + 1 + (int) Math.floorMod(pick >>> 23, span);
    }

    private static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }

    private record Parent(String spelling, String relation) {
    }
}
