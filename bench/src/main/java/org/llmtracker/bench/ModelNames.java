package org.llmtracker.bench;

/**
 * Hub-like model names for generated models, so that search is measured on text shaped like the
 * Hub's: a family stem shared by the whole family (the biggest is "Llama"), a size, a version and
 * the suffixes derivatives carry (Instruct, GGUF, LoRA...), a few Chinese stems, and the model's
 * number last so every name is unique. A pure function of the family and the model's number: it
 * draws from no random, so the generated graph does not change with it.
 */
final class ModelNames {

    private static final String[] STEMS = {"Llama", "Qwen", "Mistral", "Gemma", "Phi", "Falcon", "DeepSeek", "Yi",
        "ChatGLM", "Baichuan", "InternLM", "Mixtral", "OLMo", "StableLM", "Pythia", "BLOOM", "Vicuna", "Zephyr",
        "通义千问", "文心", "骆驼", "OpenHermes", "TinyLlama", "CodeLlama", "StarCoder", "WizardLM", "Orca", "Nous-Hermes"};
    private static final String[] SIZES = {"0.5B", "1.5B", "3B", "7B", "8B", "13B", "14B", "32B", "70B"};
    private static final String[] SUFFIXES = {"", "", "Instruct", "Chat", "GGUF", "AWQ", "GPTQ", "LoRA", "bnb-4bit",
        "DPO", "merged", "v0.1", "sft_zh", "Q4_K_M", "exl2"};

    private ModelNames() {
    }

    static String name(int family, int model) {
        String stem = family == 0 ? "Llama" : STEMS[Math.floorMod(family * 31, STEMS.length)];
        int mix = Math.floorMod(model * 0x9E3779B1, 1 << 30);
        String version = (1 + mix % 4) + (mix % 3 == 0 ? ".5" : "");
        String size = SIZES[(mix >>> 4) % SIZES.length];
        String suffix = SUFFIXES[(mix >>> 8) % SUFFIXES.length];
        return stem + "-" + version + "-" + size + (suffix.isEmpty() ? "" : "-" + suffix) + "-" + model;
    }
}
