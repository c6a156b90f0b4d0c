package org.llmtracker.graph.naming;

import java.util.Locale;
import java.util.Optional;

/** Enum constants as people and upstream APIs write them: any case, dashes for underscores. */
public final class EnumNames {

    private EnumNames() {
    }

    /** The constant of {@code type} that {@code name} spells ("finetune", "vocab-extension"); empty when none. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
