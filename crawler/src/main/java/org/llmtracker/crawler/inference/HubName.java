package org.llmtracker.crawler.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Hub repo id read as a model name: the owner, the name, the name's tokens with format and
 * quantisation marks taken out (its <em>stem</em>), and the marks themselves. Quantizers name
 * copies after the original ({@code TheBloke/Llama-2-13B-chat-GGUF},
 * {@code LoneStriker/Mistral-7B-Instruct-v0.2-4.0bpw-h6-exl2}, {@code mlx-community/Meta-Llama-3-8B-Instruct-4bit},
 * {@code unsloth/llama-3-8b-bnb-4bit}), so two ids with the same stem name the same weights.
 * Parameter sizes ({@code 7B}, {@code 8x7B}) stay in the stem: they tell models apart.
 *
 * @param core    the name with its format marks removed, as spelled (what a Hub search is asked for)
 * @param tokens  the stem's tokens, lower-cased
 * @param formats the format and quantisation marks found, as spelled ({@code GGUF}, {@code Q4_K_M}, {@code fp16})
 */
public record HubName(String id, String owner, String name, String core, List<String> tokens, List<String> formats) {

    /** Marks of a lossless conversion: such a repo is a fine parent (TheBloke's {@code -fp16} repos were fine-tuned from). */
    private static final Pattern CONVERSION = Pattern.compile("(?i)b?f(p)?(16|32)");

    /** Whole '-'-separated segments that mark a file type or quantisation: {@code Q4_K_M}, {@code IQ4_XS}, {@code q4f16_1}. */
    private static final Pattern FILE_TYPE = Pattern.compile(
            "(?i)(i?q[1-8](_[0-9k]+)*(_(xxs|xs|s|m|l|nl|0|1))*|q[0-9]f(16|32)(_[0-9])?|[bf]?f(16|32)|bf16|fp(4|8|16|32)"
                    + "|w[48]a(8|16)(_[a-z0-9]+)?|[0-9]+(\\.[0-9]+)?bpw(_?h[68])?|gptq[_-]?int[48]|awq[_-]?int4"
                    + "|[0-9]+[_-]?bits?|int[2-8]|nf4|[0-9]+g|g[0-9]+|h[68]|[0-9]+x[0-9]+)");

    /** Tokens that mark a format, a quantisation method or a quantizer's pipeline. */
    private static final Set<String> FORMAT_WORDS = Set.of("gguf", "ggml", "ggmlv3", "gptq", "awq", "exl2", "exl", "mlx",
            "onnx", "ov", "openvino", "mlc", "bnb", "hqq", "aqlm", "eetq", "marlin", "quanto", "imatrix", "imat", "i1",
            "iq", "quantized", "quant", "quants", "dynamic", "actorder", "unsloth", "gptqmodel", "autoround", "inc",
            "fp8", "fp16", "bf16", "int4", "int8", "bit", "bits");

    /** Tokens dropped from the end of every stem because they name a packaging, not weights: {@code Llama-2-7b-hf} is {@code Llama-2-7b}. */
    private static final Set<String> NEUTRAL = Set.of("hf", "merged");

    private static final Pattern VERSION = Pattern.compile("v?([0-9]+(?:\\.[0-9]+)*)");

    private static final Pattern SIZE = Pattern.compile("(?:[0-9]+x)?([0-9]+(?:\\.[0-9]+)?)([bm])");

    /** A size with a precision fused to it, as some uploaders spell it: {@code Chronos-Beluga-v2-13bfp16}. */
    private static final Pattern FUSED = Pattern.compile("(?i)((?:[0-9]+x)?[0-9]+(?:\\.[0-9]+)?[bm])(b?fp?16|bf16|fp32|f32)");

    /** A release's version as its own segment: {@code 1.2}, {@code v2}, {@code v0.1}. */
    private static final Pattern VERSION_SEGMENT = Pattern.compile("(?i)v[0-9]+(\\.[0-9]+)*|[0-9]+(\\.[0-9]+)+");

    public HubName {
        tokens = List.copyOf(tokens);
        formats = List.copyOf(formats);
    }

    public static HubName parse(String id) {
        String trimmed = id.trim();
        int slash = trimmed.indexOf('/');
        String owner = slash < 0 ? "" : trimmed.substring(0, slash);
        String name = slash < 0 ? trimmed : trimmed.substring(slash + 1);
        List<String> kept = new ArrayList<>();
        List<String> formats = new ArrayList<>();
        for (String segment : name.split("-")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (isFormat(segment)) {
                formats.add(segment);
            } else {
                kept.add(segment);
            }
        }
        List<String> tokens = new ArrayList<>();
        List<String> coreSegments = new ArrayList<>();
        for (String segment : kept) {
            List<String> parts = new ArrayList<>();
            for (String part : parts(segment)) {
                var fused = FUSED.matcher(part);
                if (fused.matches()) {
                    parts.add(fused.group(1));
                    parts.add(fused.group(2));
                } else {
                    parts.add(part);
                }
            }
            List<String> own = new ArrayList<>();
            for (String part : parts) {
                if (isFormat(part)) {
                    formats.add(part);
                } else {
                    own.add(part.toLowerCase(Locale.ROOT));
                }
            }
            if (!own.isEmpty()) {
                own.forEach(t -> tokens.addAll(normalised(t)));
                coreSegments.add(own.size() == parts.size() ? segment : String.join("-", own));
            }
        }
        while (!tokens.isEmpty() && NEUTRAL.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        return new HubName(trimmed, owner, name, String.join("-", coreSegments), tokens, formats);
    }

    /** The stem: tokens joined by '-'. Two names with one stem name the same weights, formats aside. */
    public String stem() {
        return String.join("-", tokens);
    }

    /** True when the name carries a format or quantisation mark. */
    public boolean formatted() {
        return !formats.isEmpty();
    }

    /** True when the name carries a lossy mark: a quantisation, or a format only inference engines load. */
    public boolean quantized() {
        return formats.stream().anyMatch(f -> !CONVERSION.matcher(f).matches());
    }

    /** The stem without its size token ({@code StableBeluga2-70B} is TheBloke's name for {@code StableBeluga2}); null without one. */
    public String stemWithoutSize() {
        String size = sizeToken();
        if (size == null || tokens.size() < 2) {
            return null;
        }
        List<String> rest = new ArrayList<>(tokens);
        rest.remove(size);
        return String.join("-", rest);
    }

    /**
     * The stem without a version written as its last segment ({@code ShiningValiant-1.2} is a release of
     * {@code ShiningValiant}); null without one. {@code Llama-2} keeps its 2: a bare number is part of a name.
     */
    public String stemWithoutVersion() {
        String[] segments = core.split("-");
        if (segments.length < 2 || !VERSION_SEGMENT.matcher(segments[segments.length - 1]).matches()) {
            return null;
        }
        HubName shorter = parse(owner + "/" + String.join("-", java.util.Arrays.copyOf(segments, segments.length - 1)));
        return shorter.tokens().isEmpty() ? null : shorter.stem();
    }

    /**
     * The stems a model is also known by without its own vendor's prefix: {@code meta-llama/Meta-Llama-3-8B} is
     * {@code Llama-3-8B} to quantizers who drop the "Meta-".
     */
    public List<String> ownStems() {
        return stemsAfterAuthor(this).stream().filter(st -> !st.isEmpty()).distinct().toList();
    }

    /** The parameter count a size token says ({@code 13B}, {@code 8x7B} counts its 8 experts), or null. */
    public Double sizeInBillions() {
        for (String token : tokens) {
            var m = SIZE.matcher(token);
            if (m.matches()) {
                double n = Double.parseDouble(m.group(1)) * (m.group(2).equals("m") ? 0.001 : 1);
                int x = token.indexOf('x');
                return x > 0 ? n * Double.parseDouble(token.substring(0, x)) : n;
            }
        }
        return null;
    }

    /** The size token as spelled in the stem ({@code 13b}), or null. */
    public String sizeToken() {
        return tokens.stream().filter(t -> SIZE.matcher(t).matches()).findFirst().orElse(null);
    }

    /** The owner's words, lower-cased ({@code meta-llama} gives {@code meta}, {@code llama}). */
    public List<String> ownerTokens() {
        return owner.isEmpty() ? List.of() : parts(owner.replace('-', '_')).stream()
                .map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * The stems left once a prefix naming {@code author}'s owner is taken off ({@code mistralai_-_Mistral-7B},
     * {@code bartowski/mistralai_Mistral-7B}, {@code Meta-Llama-3-8B} for {@code meta-llama}); empty when the
     * name does not start with that owner.
     */
    public List<String> stemsAfterAuthor(HubName author) {
        List<String> ownerTokens = author.ownerTokens();
        List<String> stems = new ArrayList<>();
        if (ownerTokens.isEmpty()) {
            return stems;
        }
        if (tokens.size() > ownerTokens.size() && tokens.subList(0, ownerTokens.size()).equals(ownerTokens)) {
            stems.add(String.join("-", tokens.subList(ownerTokens.size(), tokens.size())));
        }
        if (tokens.size() > 1 && ownerTokens.size() > 1 && tokens.get(0).equals(String.join("", ownerTokens))) {
            stems.add(String.join("-", tokens.subList(1, tokens.size())));
        }
        // "Meta-Llama-3-8B" for meta-llama/Llama-3-8B: the owner's first word before the model's own name.
        if (ownerTokens.size() > 1 && tokens.size() > 2 && tokens.get(0).equals(ownerTokens.get(0))) {
            stems.add(String.join("-", tokens.subList(1, tokens.size())));
        }
        return stems;
    }

    /** Texts to ask the Hub's search for: the core, and the core after an embedded author ({@code owner_-_name}). */
    public List<String> searchTexts() {
        List<String> texts = new ArrayList<>();
        if (!core.isBlank()) {
            texts.add(core);
        }
        for (String separator : List.of("_-_", "_", ".")) {
            int at = core.indexOf(separator);
            String rest = at > 0 ? core.substring(at + separator.length()) : "";
            if (at > 0 && !core.substring(0, at).contains("-") && rest.length() >= 4 && rest.chars().anyMatch(Character::isLetter)) {
                texts.add(rest);
                break;
            }
        }
        return texts;
    }

    /** Versions compare by their numbers: {@code V1.0}, {@code 1.0} and TheBloke's {@code 1_0} are one. */
    private static List<String> normalised(String token) {
        var m = VERSION.matcher(token);
        if (m.matches() && (token.startsWith("v") || token.contains("."))) {
            return List.of(m.group(1).split("\\."));
        }
        return List.of(token);
    }

    private static boolean isFormat(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        return FORMAT_WORDS.contains(lower) || FILE_TYPE.matcher(part).matches();
    }

    /** A segment's words: split at '_' and at dots that do not sit between digits ({@code v0.2} stays whole). */
    private static List<String> parts(String segment) {
        List<String> parts = new ArrayList<>();
        for (String piece : segment.split("_")) {
            if (piece.isEmpty()) {
                continue;
            }
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < piece.length(); i++) {
                char c = piece.charAt(i);
                boolean versionDot = c == '.' && i > 0 && i + 1 < piece.length()
                        && Character.isDigit(piece.charAt(i - 1)) && Character.isDigit(piece.charAt(i + 1));
                if (c == '.' && !versionDot) {
                    if (!current.isEmpty()) {
                        parts.add(current.toString());
                    }
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            if (!current.isEmpty()) {
                parts.add(current.toString());
            }
        }
        return parts;
    }
}
