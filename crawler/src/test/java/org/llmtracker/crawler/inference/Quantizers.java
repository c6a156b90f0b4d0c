package org.llmtracker.crawler.inference;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Real quantizers' naming conventions and card wording, each with the months it worked that way.
 * Applied to a base, one gives the repo id, the tags and the card that quantizer would publish.
 */
final class Quantizers {

    /** One convention. {@code gguf}: the repo holds GGUF files (so the Hub reports {@code gguf.architecture}). */
    record Quantizer(String label, Function<String, String> id, List<String> tags, String library, boolean gguf,
            LocalDate from, LocalDate until, Function<String, String> card, String onlyOwner) {

        boolean applies(String baseId, LocalDate released) {
            return !released.isBefore(from.minusMonths(6)) && released.isBefore(until)
                    && (onlyOwner == null || baseId.startsWith(onlyOwner + "/"));
        }
    }

    static final LocalDate OPEN = LocalDate.parse("2100-01-01");

    static final List<Quantizer> ALL = List.of(
            q("TheBloke GGUF", b -> "TheBloke/" + bloke(b) + "-GGUF", List.of("gguf"), null, true, "2023-08-25", "2024-02-01",
                    b -> theBloke(b, "GGUF")),
            q("TheBloke GPTQ", b -> "TheBloke/" + bloke(b) + "-GPTQ", List.of("gptq", "4-bit"), "transformers", false, "2023-05-01",
                    "2024-02-01", b -> theBloke(b, "GPTQ")),
            q("TheBloke AWQ", b -> "TheBloke/" + bloke(b) + "-AWQ", List.of("awq", "4-bit"), "transformers", false, "2023-09-15",
                    "2024-02-01", b -> theBloke(b, "AWQ")),
            q("TheBloke fp16", b -> "TheBloke/" + bloke(b) + "-fp16", List.of(), "transformers", false, "2023-05-01", "2023-09-01",
                    b -> "These files are pytorch format fp16 model files for [" + name(b) + "](https://huggingface.co/" + b + ")."),
            q("bartowski", b -> "bartowski/" + name(b) + "-GGUF", List.of("gguf"), null, true, "2024-02-01", "2025-01-01",
                    b -> "## Llamacpp imatrix Quantizations of " + name(b) + "\n\nOriginal model: https://huggingface.co/" + b),
            q("bartowski owner_name", b -> "bartowski/" + owner(b) + "_" + name(b) + "-GGUF", List.of("gguf"), null, true,
                    "2025-01-01", OPEN.toString(), b -> "## Llamacpp imatrix Quantizations of " + name(b) + " by " + owner(b)
                            + "\n\nOriginal model: https://huggingface.co/" + b),
            q("mlx-community", b -> "mlx-community/" + name(b) + "-4bit", List.of("mlx"), "mlx", false, "2023-12-10", OPEN.toString(),
                    b -> "The Model [mlx-community/" + name(b) + "-4bit](https://huggingface.co/mlx-community/" + name(b)
                            + "-4bit) was converted to MLX format from [" + b + "](https://huggingface.co/" + b + ") using mlx-lm."),
            q("unsloth bnb-4bit", b -> "unsloth/" + name(b).toLowerCase(Locale.ROOT) + "-bnb-4bit", List.of("4-bit", "bitsandbytes"),
                    "transformers", false, "2024-01-15", OPEN.toString(),
                    b -> "# Finetune Llama 3, Mistral & Gemma 2-5x faster with 80% less memory!"),
            q("RichardErkhov", b -> "RichardErkhov/" + owner(b) + "_-_" + name(b) + "-gguf", List.of("gguf"), null, true, "2024-03-01",
                    OPEN.toString(), b -> "Quantization made by Richard Erkhov.\n\n" + name(b) + " - GGUF\n- Model creator: https://huggingface.co/"
                            + owner(b) + "/\n- Original model: https://huggingface.co/" + b + "/"),
            q("QuantFactory", b -> "QuantFactory/" + name(b) + "-GGUF", List.of("gguf"), null, true, "2024-04-01", OPEN.toString(),
                    b -> "This is quantized version of [" + b + "](https://huggingface.co/" + b + ") created using llama.cpp"),
            q("GGUF-my-repo", b -> "Triangle104/" + name(b) + "-Q4_K_M-GGUF", List.of("gguf", "llama-cpp", "gguf-my-repo"), null, true,
                    "2024-03-20", OPEN.toString(), b -> "This model was converted to GGUF format from [`" + b + "`](https://huggingface.co/"
                            + b + ") using llama.cpp via the ggml.ai's GGUF-my-repo space."),
            q("LoneStriker exl2", b -> "LoneStriker/" + name(b) + "-4.0bpw-h6-exl2", List.of(), "transformers", false, "2023-10-01",
                    "2024-07-01", b -> null),
            q("neuralmagic FP8", b -> "neuralmagic/" + name(b) + "-FP8", List.of("fp8", "compressed-tensors"), "transformers", false,
                    "2024-06-01", OPEN.toString(), b -> "## Model Overview\n- **Model Optimizations:** FP8 weights and activations\n\n"
                            + "Quantized version of [" + name(b) + "](https://huggingface.co/" + b + ")."),
            q("mradermacher i1", b -> "mradermacher/" + name(b) + "-i1-GGUF", List.of("gguf", "imatrix"), null, true, "2024-03-01",
                    OPEN.toString(), b -> "weighted/imatrix quants of https://huggingface.co/" + b),
            q("DevQuasar owner.name", b -> "DevQuasar/" + owner(b) + "." + name(b) + "-GGUF", List.of("gguf"), null, true,
                    "2024-12-01", OPEN.toString(), b -> "Quantized version of: [" + b + "](https://huggingface.co/" + b + ")"),
            q("featherless owner-name", b -> "featherless-ai-quants/" + owner(b) + "-" + name(b) + "-GGUF", List.of("gguf"), null, true,
                    "2024-10-01", OPEN.toString(), b -> "# " + name(b) + " GGUF Quantizations"),
            new Quantizer("Qwen's own AWQ", b -> b + "-AWQ", List.of("awq", "4-bit"), "transformers", false, LocalDate.parse("2024-06-01"),
                    OPEN, b -> "This repo contains the AWQ-quantized 4-bit instruction-tuned model.", "Qwen"),
            new Quantizer("Qwen's own GPTQ", b -> b + "-GPTQ-Int4", List.of("gptq", "4-bit"), "transformers", false,
                    LocalDate.parse("2024-06-01"), OPEN, b -> "This repo contains the GPTQ-quantized 4-bit instruction-tuned model.", "Qwen"),
            new Quantizer("Qwen's own GGUF", b -> b + "-GGUF", List.of("gguf"), null, true, LocalDate.parse("2024-06-01"), OPEN,
                    b -> "This repo contains the instruction-tuned model in GGUF format.", "Qwen"));

    private Quantizers() {
    }

    private static Quantizer q(String label, Function<String, String> id, List<String> tags, String library, boolean gguf,
            String from, String until, Function<String, String> card) {
        return new Quantizer(label, id, tags, library, gguf, LocalDate.parse(from), LocalDate.parse(until), card, null);
    }

    static String owner(String baseId) {
        return baseId.substring(0, baseId.indexOf('/'));
    }

    static String name(String baseId) {
        return baseId.substring(baseId.indexOf('/') + 1);
    }

    /** TheBloke's spelling: no {@code -hf}, sizes upper-cased ({@code Llama-2-13B-chat}). */
    static String bloke(String baseId) {
        String n = name(baseId).replaceAll("-hf$", "");
        return n.replaceAll("(?<=[-_])([0-9.]+)b(?=$|[-_])", "$1B");
    }

    private static String theBloke(String baseId, String format) {
        return "# " + bloke(baseId) + " - " + format + "\n- Model creator: [" + owner(baseId) + "](https://huggingface.co/"
                + owner(baseId) + ")\n- Original model: [" + name(baseId) + "](https://huggingface.co/" + baseId + ")\n\n"
                + "## Description\n\nThis repo contains " + format + " format model files for [" + owner(baseId) + "'s "
                + name(baseId) + "](https://huggingface.co/" + baseId + ").";
    }
}
