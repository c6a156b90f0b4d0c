package org.llmtracker.graph.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Training stages a derivative went through, after the ChatGPT pipeline the seed
 * describes: supervised fine-tuning, a reward model, and PPO reinforcement learning
 * from human feedback; plus the steps Chinese LLaMA derivatives add.
 */
public enum Stage {
    PRETRAINING,
    VOCAB_EXTENSION,
    CONTINUED_PRETRAINING,
    SFT,
    RM,
    PPO,
    DPO;

    public static Optional<Stage> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
