package org.llmtracker.crawler.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a model card's prose says about where the model came from: Hub links, and phrases that
 * name a parent ("quantized version of", "GGUF format model files for", "fine-tuned from",
 * an axolotl config's {@code base_model:} line). The YAML front matter is skipped: a
 * {@code base_model} there is a declaration, which the crawler reads, not evidence.
 */
public final class CardMentions {

    /** How a card names a model. */
    public enum Kind {
        /** A phrase that says the model is a quantisation or conversion of the one named. */
        QUANTIZED_PHRASE,
        /** A phrase that says the model was trained from the one named. */
        FINETUNE_PHRASE,
        /** A link to a model on the Hub, with no phrase saying why. */
        LINK,
        /** The front matter's {@code model_name}: the original's display name ("13B BlueMethod"), as good as the repo's name. */
        MODEL_NAME
    }

    /**
     * What the listed front matter names of the original: a Hub id (a link in {@code model_name} and the like)
     * as a quantizer's "original model" line, a display name as a name.
     */
    public static List<Mention> listed(ListedCard card) {
        if (card == null) {
            return List.of();
        }
        List<Mention> found = new ArrayList<>();
        for (String m : card.baseMentions()) {
            if (m.contains("/") && BARE_ID.matcher(m).matches()) {
                found.add(new Mention(Kind.QUANTIZED_PHRASE, trimId(m), null, "front matter: " + m));
            } else if (!m.isBlank()) {
                found.add(new Mention(Kind.MODEL_NAME, null, m.trim().replaceAll("\\s+", "-"), "model_name: " + m));
            }
        }
        return found;
    }

    /** One mention: the id named (null when the phrase names a model by name only), its name, and where it was said. */
    public record Mention(Kind kind, String id, String name, String snippet) {
    }

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R.*?\\R---\\R", Pattern.DOTALL);
    private static final Pattern HUB_LINK = Pattern.compile(
            "https?://(?:www\\.)?huggingface\\.co/(?!datasets/|spaces/|docs/|blog/|papers/|collections/|settings/|join|login)"
                    + "([A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern BARE_ID = Pattern.compile("(?<![\\w/.-])`?([A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])`?");
    private static final Pattern NAME = Pattern.compile("\\[?\\*{0,2}([A-Za-z0-9][A-Za-z0-9 ._'-]{1,80}?)\\*{0,2}\\]?(?=[\\s,.;:)(\\]]|$)");

    private static final Pattern QUANTIZED = Pattern.compile("(?i)(quanti[sz]ed (?:version|model|weights) of|quanti[sz]ations? of"
            + "|quants of|(?:gguf|ggml|gptq|awq|exl2|mlx|onnx)(?: format)? (?:model )?files for|converted to (?:gguf|mlx|onnx)"
            + "(?: format)? from|(?:gguf|gptq|awq|exl2|mlx) (?:version|quantization|quants?) of|original model:?|model creator's model:?)");
    private static final Pattern FINETUNE = Pattern.compile("(?i)(fine-?tuned (?:version )?(?:of|from)|fine-?tunes? of"
            + "|trained on top of|(?:is )?based on|built on(?: top of)?|base model:?|^\\s*base_model:)", Pattern.MULTILINE);

    /** How far after a phrase the model it names may stand. */
    private static final int WINDOW = 160;

    private CardMentions() {
    }

    public static List<Mention> read(String card) {
        if (card == null || card.isBlank()) {
            return List.of();
        }
        String text = FRONT_MATTER.matcher(card).replaceFirst("");
        Map<String, Mention> found = new LinkedHashMap<>();
        phrases(text, QUANTIZED, Kind.QUANTIZED_PHRASE, found);
        phrases(text, FINETUNE, Kind.FINETUNE_PHRASE, found);
        Matcher link = HUB_LINK.matcher(text);
        while (link.find()) {
            String id = trimId(link.group(1));
            found.putIfAbsent(Kind.LINK + ":" + id.toLowerCase(Locale.ROOT),
                    new Mention(Kind.LINK, id, null, snippet(text, link.start(), link.end())));
        }
        return List.copyOf(found.values());
    }

    private static void phrases(String text, Pattern phrase, Kind kind, Map<String, Mention> found) {
        Matcher m = phrase.matcher(text);
        while (m.find()) {
            int end = Math.min(text.length(), m.end() + WINDOW);
            int lineEnd = text.indexOf('\n', m.end() + 1);
            String after = text.substring(m.end(), lineEnd > 0 && lineEnd < end ? lineEnd : end);
            String id = firstId(after);
            String name = id == null ? firstName(after) : null;
            if (id == null && name == null) {
                continue;
            }
            String key = kind + ":" + (id != null ? id : name).toLowerCase(Locale.ROOT);
            found.putIfAbsent(key, new Mention(kind, id, name, snippet(text, m.start(), m.end() + after.length())));
        }
    }

    private static String firstId(String after) {
        Matcher link = HUB_LINK.matcher(after);
        Matcher bare = BARE_ID.matcher(after);
        int linkAt = link.find() ? link.start() : Integer.MAX_VALUE;
        int bareAt = bare.find() ? bare.start() : Integer.MAX_VALUE;
        if (linkAt == Integer.MAX_VALUE && bareAt == Integer.MAX_VALUE) {
            return null;
        }
        String id = linkAt <= bareAt ? link.group(1) : bare.group(1);
        return id.startsWith("http") ? null : trimId(id);
    }

    private static String firstName(String after) {
        String rest = after.replaceFirst("^[\\s:*\"'`]+", "");
        Matcher m = NAME.matcher(rest);
        if (!m.lookingAt()) {
            return null;
        }
        String name = m.group(1).trim();
        // A name worth matching has a digit or a dash: "Llama-2-13B-chat", not "the" or "a model".
        return name.contains(" ") || name.length() < 4 || !name.matches(".*[0-9-].*") ? null : name;
    }

    private static String trimId(String id) {
        String trimmed = id.replaceAll("[.,;:)]+$", "");
        for (String tail : List.of("/tree", "/blob", "/resolve", "/discussions", "/raw")) {
            int at = trimmed.indexOf(tail);
            if (at > 0) {
                trimmed = trimmed.substring(0, at);
            }
        }
        return trimmed;
    }

    private static String snippet(String text, int from, int to) {
        String s = text.substring(Math.max(0, from), Math.min(text.length(), to)).replaceAll("\\s+", " ").trim();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
