package org.llmtracker.graph.naming;

import java.util.Locale;

/**
 * Normalised keys. Lineage data names the same thing in several spellings
 * ({@code Meta-Llama/Llama-2-7B-hf}, {@code meta-llama/llama-2-7b-hf}); every write and
 * every lookup goes through these functions so they meet on one key.
 */
public final class Ids {

    private Ids() {
    }

    /** A model id: trimmed and lower-cased; Hugging Face ids keep their single slash. */
    public static String model(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("model id is empty");
        }
        return raw.trim().toLowerCase(Locale.ROOT);
    }

    /** A repository key: lower-case {@code owner/name}. */
    public static String repository(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("repository name is empty");
        }
        return fullName.trim().toLowerCase(Locale.ROOT);
    }

    /** An organisation key: lower-case words joined by single dashes ("Meta AI" becomes "meta-ai"). */
    public static String organisation(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("organisation name is empty");
        }
        String key = name.trim().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return key.isEmpty() ? name.trim() : key;
    }
}
