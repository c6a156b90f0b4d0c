package org.llmtracker.graph.naming;

import java.util.regex.Pattern;

/**
 * The one rule for Hugging Face repository ids, wherever they come from (the catalogue, a Hub
 * answer, a README link): the Hub's own ({@code huggingface_hub}'s {@code validate_repo_id}): an
 * optional owner and a name of ASCII letters, digits, '-', '_' and '.', each starting and ending
 * with a letter, digit or '_', the name at most 96 characters, no "--" or "..", no ".git" suffix.
 */
public final class HubIds {

    private static final Pattern ID = Pattern.compile("(?:\\w[\\w.-]*\\w/|\\w/)?(?:\\w[\\w.-]{0,94}\\w|\\w)");

    private HubIds() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches() && !id.contains("--") && !id.contains("..") && !id.endsWith(".git");
    }
}
