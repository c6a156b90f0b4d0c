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
    /** Each identity signal after the strongest counts this much of its weight: they are not independent. */
    static final double FURTHER_IDENTITY = 0.5;

    /** The parent was uploaded first (99.73% of declared Hub links, Horwitz et al. 2025). */
    static final double OLDER = 0.7;
    static final double AGE_UNKNOWN = -0.3;
    /** A quantization has no children (99.41% of declared Hub links). */
    static final double PARENT_IS_QUANTIZATION = -3.5;
    /** Another candidate with the same name was uploaded before this one: this one is the copy. */
    static final double LATER_COPY = -3.0;
    static final double SAME_ARCHITECTURE = 1.0;
    static final double OTHER_ARCHITECTURE = -5.0;
    static final double SAME_SIZE = 0.7;
    static final double OTHER_SIZE = -4.0;

    private Weights() {
    }
}
