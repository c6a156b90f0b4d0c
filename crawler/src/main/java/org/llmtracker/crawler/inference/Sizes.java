package org.llmtracker.crawler.inference;

import java.util.Locale;

/**
 * Whether two models have the same number of parameters. A GGUF repo's {@code gguf.total} and an
 * unquantised repo's {@code safetensors.total} count parameters; GPTQ, AWQ, MLX and bitsandbytes
 * repos pack several weights per stored number, so their totals are not compared. A name's size
 * token ({@code 13B}) is rounded by its author: Llama-2-7b has 6.74B, Gemma-2b 2.51B, and a mixture
 * {@code 8x7B} shares layers (46.7B), so a name agrees within a wide band.
 */
final class Sizes {

    enum Agreement { AGREE, DIFFER, UNKNOWN }

    private Sizes() {
    }

    static Agreement compare(ModelFacts child, HubName childName, ModelFacts candidate, boolean candidateQuantized) {
        Long parent = candidateQuantized && candidate.ggufArchitecture() == null ? null : candidate.parameters();
        if (parent == null || parent <= 0) {
            return byNames(childName, candidate.name());
        }
        Long own = counted(child, childName);
        if (own != null) {
            double ratio = (double) own / parent;
            return ratio > 0.9 && ratio < 1.1 ? Agreement.AGREE : ratio < 0.75 || ratio > 1.33 ? Agreement.DIFFER : Agreement.UNKNOWN;
        }
        Double named = childName.sizeInBillions();
        if (named == null) {
            return Agreement.UNKNOWN;
        }
        double ratio = parent / (named * 1e9);
        boolean mixture = childName.sizeToken().contains("x");
        double low = mixture ? 0.55 : 0.7;
        return ratio >= low && ratio <= 1.35 ? Agreement.AGREE : ratio < low * 0.7 || ratio > 2 ? Agreement.DIFFER : Agreement.UNKNOWN;
    }

    /** Both names say a size: {@code meditron-7b} is no child of {@code Llama-2-70b}. */
    private static Agreement byNames(HubName child, HubName candidate) {
        Double a = child.sizeInBillions();
        Double b = candidate.sizeInBillions();
        if (a == null || b == null) {
            return Agreement.UNKNOWN;
        }
        double ratio = a / b;
        return ratio > 0.8 && ratio < 1.25 ? Agreement.AGREE : ratio < 0.6 || ratio > 1.7 ? Agreement.DIFFER : Agreement.UNKNOWN;
    }

    static String describe(ModelFacts child, HubName childName, ModelFacts candidate) {
        if (candidate.parameters() == null) {
            return "name says " + upper(childName.sizeToken()) + ", parent's name " + upper(candidate.name().sizeToken());
        }
        Long own = counted(child, childName);
        String theirs = billions(candidate.parameters());
        return own != null ? billions(own) + " vs " + theirs + " parameters"
                : theirs + " parameters; name says " + upper(childName.sizeToken());
    }

    private static String upper(String token) {
        return token == null ? "?" : token.toUpperCase(Locale.ROOT);
    }

    /** The child's own parameter count when it is a count of parameters (not packed quantised storage). */
    private static Long counted(ModelFacts child, HubName childName) {
        if (child.parameters() == null || child.parameters() <= 0) {
            return null;
        }
        boolean packed = (childName.formatted() || child.taggedAsQuantization()) && child.ggufArchitecture() == null;
        return packed ? null : child.parameters();
    }

    private static String billions(Long n) {
        return String.format(Locale.ROOT, "%.2fB", n / 1e9);
    }
}
