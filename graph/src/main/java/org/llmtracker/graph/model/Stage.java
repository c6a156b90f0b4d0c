package org.llmtracker.graph.model;

import org.llmtracker.graph.naming.EnumNames;

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
        return EnumNames.parse(Stage.class, name);
    }
}
