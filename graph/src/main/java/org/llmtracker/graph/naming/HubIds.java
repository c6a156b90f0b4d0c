package org.llmtracker.graph.naming;

import java.util.regex.Pattern;

/**
 * The one rule for Hugging Face repository ids, wherever they come from (the catalogue, a Hub
 * answer, a README link): the Hub's own ({@code huggingface_hub}'s {@code validate_repo_id}): an
 * optional owner and a name of ASCII letters, digits, '-', '_' and '.', each starting and ending
 * with a letter, digit or '_', the name at most 96 characters, no "--" or "..", no ".git" suffix.
 * The owner is held to the name's 96 characters too (the client's pattern leaves it open, the
 * Hub's user and organisation names are far shorter): an id of a 10,000-character owner once
 * failed a whole listing page on Neo4j's index size limit.
 */
public final class HubIds {

    private static final Pattern ID = Pattern.compile("(?:\\w[\\w.-]{0,94}\\w/|\\w/)?(?:\\w[\\w.-]{0,94}\\w|\\w)");

    private HubIds() {
    }

    /** The longest id valid here: an owner and a name of 96 characters each. */
    public static final int MAX_LENGTH = 96 + 1 + 96;

    /** Whether {@code owner} is valid as the owner part of an id. */
    public static boolean validOwner(String owner) {
        return owner != null && !owner.contains("/") && valid(owner + "/x");
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches() && !id.contains("--") && !id.contains("..") && !id.endsWith(".git");
    }
}
