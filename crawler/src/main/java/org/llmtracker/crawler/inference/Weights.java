package org.llmtracker.crawler.inference;

/**
 * Log-odds each signal adds to "this candidate is the parent". Set from what the precision
 * report measures (InferencePrecisionReportTests prints each signal's precision): identity
 * signals name a candidate, the rest confirm or rule it out.
 */
final class Weights {

    /** Before any evidence: most models a search turns up are not the parent. */
    static final double BASE = -2.0;

    static final double CARD_QUANTIZED_ID = 6.0;
    static final double CARD_FINETUNE_ID = 4.5;
    static final double CARD_PHRASE_NAME = 3.5;
    static final double CARD_LINK = 1.5;
    static final double NAME_WITH_AUTHOR = 5.0;
    static final double NAME_STEM = 3.5;
    static final double NAME_STEM_SIZE_ADDED = 3.0;
    static final double NAME_PREFIX = 1.0;
    /** The model's name is the candidate's with a version added ({@code ShiningValiant-1.2} of {@code ShiningValiant}). */
    static final double NAME_STEM_VERSION_ADDED = 2.5;
    /** Each identity signal after the strongest counts this much of its weight: they are not independent. */
    static final double FURTHER_IDENTITY = 0.5;

    /** The parent was uploaded first (99.73% of declared Hub links, Horwitz et al. 2025). */
    static final double OLDER = 0.7;
    static final double AGE_UNKNOWN = -0.3;
    /** A quantization has no children (99.41% of declared Hub links). */
    static final double PARENT_IS_QUANTIZATION = -3.5;
    /**
     * Another candidate with the same name was uploaded before this one. A prior only: same-named repos by
     * other organisations are often older than the original a quantizer used (KoboldAI's and CalderaAI's
     * 13B-BlueMethod), so age alone must not settle a collision.
     */
    static final double LATER_COPY = -0.7;
    /** The card's {@code model_creator} (or "Model creator" line) is the candidate's owner, after normalisation. */
    static final double CREATOR = 3.0;
    /** ... or nearly: a prefix ({@code Meta}, {@code meta-llama}) or initials and surname. */
    static final double CREATOR_CLOSE = 1.8;
    /**
     * Per tenfold more downloads (likes count half as much) than the best other same-named candidate: a
     * quantizer works from the original people use, not a mirror. Capped at {@link #POPULARITY_CAP}.
     */
    static final double POPULARITY = 0.8;
    static final double POPULARITY_CAP = 1.6;
    static final double SAME_ARCHITECTURE = 1.0;
    static final double OTHER_ARCHITECTURE = -5.0;
    static final double SAME_SIZE = 0.7;
    static final double OTHER_SIZE = -4.0;

    private Weights() {
    }
}
