package org.llmtracker.crawler.inference;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether two models have the same architecture, from {@code config.model_type},
 * {@code config.architectures} and {@code gguf.architecture}. llama.cpp writes {@code llama} for
 * Mistral and Mixtral weights too, so a GGUF repo's {@code llama} agrees with all three.
 */
final class Architectures {

    enum Agreement { SAME, DIFFERENT, UNKNOWN }

    private static final Map<String, Set<String>> GGUF_ALSO = Map.of("llama", Set.of("llama", "mistral", "mixtral"));

    private Architectures() {
    }

    static Agreement compare(ModelFacts a, ModelFacts b) {
        String ta = type(a);
        String tb = type(b);
        if (ta != null && tb != null) {
            return ta.equals(tb) ? Agreement.SAME : Agreement.DIFFERENT;
        }
        String ga = gguf(a);
        String gb = gguf(b);
        if (ga != null && tb != null) {
            return compatible(ga, tb) ? Agreement.SAME : Agreement.DIFFERENT;
        }
        if (gb != null && ta != null) {
            return compatible(gb, ta) ? Agreement.SAME : Agreement.DIFFERENT;
        }
        if (ga != null && gb != null) {
            return ga.equals(gb) ? Agreement.SAME : Agreement.DIFFERENT;
        }
        return Agreement.UNKNOWN;
    }

    /** The name an evidence line shows: the model type, else the GGUF architecture. */
    static String label(ModelFacts m) {
        String t = type(m);
        return t != null ? t : gguf(m);
    }

    private static boolean compatible(String ggufArchitecture, String modelType) {
        return ggufArchitecture.equals(modelType)
                || GGUF_ALSO.getOrDefault(ggufArchitecture, Set.of()).contains(modelType);
    }

    private static String type(ModelFacts m) {
        if (m.modelType() != null && !m.modelType().isBlank()) {
            return plain(m.modelType());
        }
        List<String> arch = m.architectures();
        if (!arch.isEmpty()) {
            return plain(arch.get(0).replaceAll("(ForCausalLM|ForConditionalGeneration|LMHeadModel|Model|ForSequenceClassification)$", ""));
        }
        return null;
    }

    private static String gguf(ModelFacts m) {
        return m.ggufArchitecture() == null || m.ggufArchitecture().isBlank() ? null : plain(m.ggufArchitecture());
    }

    private static String plain(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[_-]", "");
    }
}
