package org.llmtracker.crawler.inference;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.llmtracker.graph.model.Relation;

/**
 * A seeded Hub shaped like the real one around quantizations: originals by creators whose cards name them
 * by display name ("Caldera AI" for {@code CalderaAI}), same-named repos by other organisations (older and
 * newer than the original, with fewer and with more downloads), mirrors and re-uploads with identical names,
 * siblings in other formats, later fine-tunes, parents named with {@code -hf}, a fused precision
 * ({@code 13bfp16}) or a vendor prefix, and quantizations that add a version. Each pattern is generated many
 * times with drawn names, dates and figures, so no handful of examples can be tuned to. Creator names and
 * organisations are real public ones (see {@code SOURCES.md}); the models, pairings and figures are drawn.
 */
final class CollisionHub {

    /** One repo as the listing describes it; {@code creator}, {@code quantizedBy}, {@code modelName} are its card's front matter. */
    record Repo(String id, Instant createdAt, String modelType, String ggufArchitecture, Long parameters, List<String> tags,
            String library, long downloads, long likes, String creator, String quantizedBy, String modelName) {

        ModelFacts facts() {
            ListedCard card = creator == null && quantizedBy == null && modelName == null ? null
                    : new ListedCard(creator, quantizedBy, modelName == null ? List.of() : List.of(modelName));
            return new ModelFacts(id, List.of(), createdAt, modelType, List.of(), ggufArchitecture, parameters, tags, library, downloads,
                    null, false, likes, List.of(), card);
        }
    }

    /** A model whose parent is known (and declared nowhere); {@code pattern} says which collision it stands in. */
    record Case(Repo model, String truth, Relation relation, String pattern) {
    }

    /** Creators: organisation id and the display name quantizers' cards give (some do not normalise to the id, as on the Hub). */
    private static final String[][] CREATORS = {{"CalderaAI", "Caldera AI"}, {"haoranxu", "Haoran Xu"}, {"ValiantLabs", "Valiant Labs"},
            {"jondurbin", "Jon Durbin"}, {"ehartford", "Eric Hartford"}, {"NousResearch", "Nous Research"}, {"Gryphe", "Gryphe Padar"},
            {"Undi95", "Undi"}, {"upstage", "Upstage"}, {"openaccess-ai-collective", "OpenAccess AI Collective"},
            {"Open-Orca", "OpenOrca"}, {"garage-bAInd", "garage-bAInd"}, {"teknium", "Teknium"}, {"WizardLM", "WizardLM"},
            {"Sao10K", "Saofiq"}, {"psmathur", "Pankaj Mathur"}, {"migtissera", "Migel Tissera"}, {"tiiuae", "Technology Innovation Institute"},
            {"lmsys", "Large Model Systems Organization"}, {"PygmalionAI", "Pygmalion AI"}, {"NeverSleep", "NeverSleep"},
            {"Xwin-LM", "Xwin-LM"}, {"mistralai", "Mistral AI"}, {"HuggingFaceH4", "Hugging Face H4"}, {"stabilityai", "Stability AI"},
            {"allenai", "Allen Institute for AI"}, {"Doctor-Shotgun", "Doctor Shotgun"}, {"cognitivecomputations", "Eric Hartford"}};

    /** Organisations that re-upload, mirror or reuse names. */
    private static final String[] OTHERS = {"KoboldAI", "mlabonne", "TehVenom", "Aeala", "localmodels", "elinas", "TFLai", "Yhyu13",
            "grimpep", "digitous", "h2oai", "beomi", "NousResearch", "huggyllama", "unsloth", "Henk717", "chargoddard", "jeff31415",
            "openlm-research", "abacaj", "lodrick-the-lafted", "Weyaxi", "PocketDoc", "LLM360"};

    private static final String[] WORDS = {"Blue", "Chronos", "Beluga", "Hermes", "Valiant", "Orca", "Airo", "Mytho", "Wizard", "Spicy",
            "Samantha", "Dolphin", "Platypus", "Stheno", "Zephyr", "ALMA", "Manticore", "Guanaco", "Vicuna", "Synthia", "Kimiko", "Huginn",
            "Euryale", "Noromaid", "Nete", "Tiefighter", "Emerhyst", "Shining", "Storm", "Lumi", "Nova", "Falcon", "Holo", "Marco",
            "Ember", "Athena", "Pivot", "Cerebrum", "Sirius", "Tess", "Mika", "Nyx", "Orion", "Rift", "Solar", "Vega", "Lyra", "Boros"};
    private static final String[] SECOND = {"Method", "Max", "Coder", "Chat", "Instruct", "Plus", "Mix", "Maid", "Lord", "Hermes", "Storm",
            "Blend", "Fusion", "RP", "Writer", "Muse", "Sage"};
    private static final String[] SIZES = {"7B", "13B", "13B", "70B", "34B", "7B"};
    private static final long[] PARAMETERS = {6_738_415_616L, 13_015_864_320L, 13_015_864_320L, 68_976_648_192L, 34_388_917_248L,
            7_241_732_096L};

    private final SplittableRandom random;
    private final List<Repo> repos = new ArrayList<>();
    private final List<Case> cases = new ArrayList<>();
    private final Set<String> stems = new HashSet<>();
    private final Set<String> ids = new HashSet<>();

    private final String prefix;

    private CollisionHub(long seed, String prefix) {
        this.random = new SplittableRandom(seed);
        this.prefix = prefix;
    }

    /** {@code perPattern} cases of each collision pattern, from {@code seed}. */
    static CollisionHub generate(long seed, int perPattern) {
        return generate(seed, perPattern, "");
    }

    /** The same, every model name starting with {@code prefix} (a later batch that must not reuse the first's names). */
    static CollisionHub generate(long seed, int perPattern, String prefix) {
        CollisionHub hub = new CollisionHub(seed, prefix);
        for (int i = 0; i < perPattern; i++) {
            for (Pattern p : Pattern.values()) {
                hub.family(p);
            }
        }
        return hub;
    }

    List<Repo> repos() {
        return List.copyOf(repos);
    }

    List<Case> cases() {
        return List.copyOf(cases);
    }

    /** The shapes of collision, each with the difficulty it stands for. */
    enum Pattern {
        /** No other repo has the name. */
        LONE,
        /** Another organisation's same-named repo, older than the original, used less. */
        OLDER_IMPOSTOR_FEWER_DOWNLOADS,
        /** Another organisation's same-named repo, newer than the original, used more. */
        NEWER_IMPOSTOR_MORE_DOWNLOADS,
        /** Another organisation's same-named repo, older and used more: only the card's creator tells. */
        OLDER_IMPOSTOR_MORE_DOWNLOADS,
        /** Mirrors and re-uploads of the original with identical names, newer and used less. */
        MIRRORS,
        /** The original's name carries {@code -hf} or a fused precision ({@code 13bfp16}). */
        SUFFIXED_PARENT,
        /** The quantization's name adds a version the original's does not carry. */
        VERSION_IN_CHILD,
        /** The original's name starts with its vendor ({@code Meta-}), the quantization's does not. */
        VENDOR_PREFIX
    }

    private void family(Pattern pattern) {
        String[] creator = CREATORS[random.nextInt(CREATORS.length)];
        int s = random.nextInt(SIZES.length);
        String base = name(SIZES[s]);
        String type = random.nextInt(4) == 0 ? "mistral" : "llama";
        long params = type.equals("mistral") ? 7_241_732_096L : PARAMETERS[s];
        Instant released = Instant.parse("2023-05-01T00:00:00Z").plus(random.nextInt(240), ChronoUnit.DAYS)
                .plus(random.nextInt(86_400), ChronoUnit.SECONDS);
        long downloads = (long) Math.pow(10, 2 + random.nextDouble() * 3);
        long likes = Math.max(0, (long) (downloads * (0.01 + random.nextDouble() * 0.1)));

        String parentName = switch (pattern) {
            case SUFFIXED_PARENT -> random.nextBoolean() ? base + "-hf" : base.replaceAll("(?i)-(\\d+)B$", "-$1bfp16");
            case VENDOR_PREFIX -> creator[0].split("[-_]")[0] + "-" + base;
            default -> base;
        };
        String parentId = unique(creator[0] + "/" + parentName);
        if (parentId == null) {
            return;
        }
        repos.add(new Repo(parentId, released, type, null, params, List.of(), "transformers", downloads, likes, null, null, null));

        Instant quantized = released.plus(3 + random.nextInt(60), ChronoUnit.DAYS);
        switch (pattern) {
            case OLDER_IMPOSTOR_FEWER_DOWNLOADS -> impostor(parentName, released.minus(1 + random.nextInt(200), ChronoUnit.DAYS),
                    downloads / (3 + random.nextInt(30)), type, params);
            case NEWER_IMPOSTOR_MORE_DOWNLOADS -> impostor(parentName, released.plus(1 + random.nextInt(2), ChronoUnit.DAYS),
                    downloads * (3 + random.nextInt(30)), type, params);
            case OLDER_IMPOSTOR_MORE_DOWNLOADS -> impostor(parentName, released.minus(1 + random.nextInt(200), ChronoUnit.DAYS),
                    downloads * (2 + random.nextInt(10)), type, params);
            case MIRRORS -> {
                for (int m = 0, n = 1 + random.nextInt(3); m < n; m++) {
                    impostor(parentName, released.plus(1 + random.nextInt(2), ChronoUnit.DAYS),
                            downloads / (5 + random.nextInt(100)), type, params);
                }
            }
            default -> { }
        }
        String quantName = switch (pattern) {
            case SUFFIXED_PARENT -> base;
            case VERSION_IN_CHILD -> base + "-" + (1 + random.nextInt(3)) + "." + random.nextInt(10);
            default -> base;
        };
        // Siblings in other formats and other quantizers' quantizations: weak parents, never the answer.
        boolean bloke = random.nextInt(3) > 0;
        List<String> formats = bloke ? List.of("GGUF", "GPTQ", "AWQ") : List.of("GGUF");
        String quantizer = bloke ? "TheBloke" : pick("bartowski", "mradermacher", "QuantFactory", "LoneStriker");
        String creatorShown = random.nextInt(10) < 9 ? creator[1] : null;
        for (String format : formats) {
            String id = unique(quantizer + "/" + quantName + "-" + format);
            if (id == null) {
                continue;
            }
            boolean gguf = format.equals("GGUF");
            Repo q = new Repo(id, quantized.plus(random.nextInt(3), ChronoUnit.DAYS), gguf ? null : type, gguf ? "llama" : null,
                    gguf ? params : params / 4, gguf ? List.of("gguf") : List.of(format.toLowerCase(Locale.ROOT), "4-bit"),
                    gguf ? null : "transformers", downloads / 4 + random.nextInt(100), random.nextInt(20), creatorShown, quantizer,
                    creatorShown == null ? null : base.replace('-', ' '));
            repos.add(q);
            cases.add(new Case(q, parentId, Relation.QUANTIZED, pattern.name()));
        }
        // A later fine-tune of the original, named after it.
        if (random.nextInt(3) == 0) {
            String ft = unique(pick(OTHERS) + "/" + base + "-" + pick("Instruct", "RP", "DPO", "v2-Chat", "Uncensored"));
            if (ft != null) {
                Repo fine = new Repo(ft, quantized.plus(random.nextInt(90), ChronoUnit.DAYS), type, null, params, List.of(), "transformers",
                        downloads / 10, 2, null, null, null);
                repos.add(fine);
                cases.add(new Case(fine, parentId, Relation.FINETUNE, pattern.name()));
            }
        }
    }

    private void impostor(String name, Instant created, long downloads, String type, long params) {
        String id = unique(pick(OTHERS) + "/" + name);
        if (id != null) {
            repos.add(new Repo(id, created, type, null, params, List.of(), "transformers", Math.max(1, downloads),
                    Math.max(0, downloads / 40), null, null, null));
        }
    }

    /** A name no other family has: "13B-BlueMethod", "Chronos-Beluga-v2-13B", "Tiefighter-13B". */
    private String name(String size) {
        for (int tries = 0; ; tries++) {
            String a = pick(WORDS);
            String b = random.nextBoolean() ? pick(SECOND) : pick(WORDS);
            String core = switch (random.nextInt(4)) {
                case 0 -> size + "-" + a + b;
                case 1 -> a + "-" + b + "-v" + (1 + random.nextInt(3)) + "-" + size;
                case 2 -> a + b + "-L2-" + size;
                default -> a + b + "-" + size;
            };
            if (tries > 3) {
                core = core + "-" + (char) ('a' + random.nextInt(26)) + random.nextInt(100);
            }
            core = prefix.isEmpty() ? core : prefix + core;
            String stem = HubName.parse("x/" + core).stem();
            String versionless = HubName.parse("x/" + core).stemWithoutSize();
            if (stems.add(stem) && (versionless == null || stems.add(versionless))) {
                return core;
            }
        }
    }

    private String unique(String id) {
        return ids.add(id.toLowerCase(Locale.ROOT)) ? id : null;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
