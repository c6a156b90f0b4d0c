package org.llmtracker.crawler.inference;

import org.llmtracker.graph.model.Relation;

/**
 * What the {@code infer} job keeps and what it may spend.
 *
 * @param minConfidence the least confidence a kept link needs ({@code tracker.inference.min-confidence})
 * @param fineTunes     whether FINETUNE links are kept at all ({@code tracker.inference.fine-tunes}); on by
 *                      default only while the precision report measures at least 90% for them
 * @param maxRequests   Hub requests one run may make ({@code tracker.inference.max-requests})
 */
public record InferenceSettings(double minConfidence, boolean fineTunes, int maxRequests) {

    /** The default threshold: precision on quantized and converted repos at least 95% at it (InferencePrecisionReportTests). */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.8;

    public InferenceSettings {
        if (minConfidence <= 0 || minConfidence > 1) {
            throw new IllegalArgumentException("min-confidence must be in (0, 1]: " + minConfidence);
        }
        if (maxRequests < 0) {
            throw new IllegalArgumentException("max-requests must not be negative: " + maxRequests);
        }
    }

    public static InferenceSettings defaults() {
        return new InferenceSettings(DEFAULT_MIN_CONFIDENCE, true, 1000);
    }

    /** Whether an inference is good enough to store: confident, no close call, and of a relation kept. */
    public boolean keeps(Inference inference) {
        return inference.confidence() >= minConfidence && !inference.ambiguous()
                && (fineTunes || inference.relation() != Relation.FINETUNE);
    }
}
