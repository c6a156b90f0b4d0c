package org.llmtracker.crawler.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.llmtracker.graph.naming.ParameterLabel;

/**
 * The shape of each catalogue value. Shared by the validator and the table importer, so the
 * importer only ever emits values the validator accepts. Each check returns the problem, if any.
 */
public final class CatalogFormats {

    /** The longest id: ids are index keys, and Neo4j refuses keys of several kilobytes. */
    public static final int MAX_ID = 200;

    static final List<String> KINDS = List.of("model", "framework", "dataset", "application");
    static final List<String> REGIONS = List.of("foreign", "domestic");

    // Lower case because the graph lower-cases model ids; one slash allows Hugging Face-style ids.
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)?");
    // GitHub: owners are letters, digits and inner hyphens (at most 39); repositories add '.' and '_'.
    private static final Pattern GITHUB_OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?");
    private static final Pattern GITHUB_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    // The Hub allows the same characters in both parts; ids of the oldest models have no owner (gpt2).
    private static final Pattern HF_PART = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private CatalogFormats() {
    }

    static Optional<String> idProblem(String id) {
        if (ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String hint = id.equals(id.toLowerCase(Locale.ROOT)) ? "" : " (ids are lower case)";
        return Optional.of("'" + id + "' is not a valid id" + hint + "; use lower-case letters, digits, '.', '_'"
                + " and '-', starting with a letter or digit, and at most one '/' as in owner/name");
    }

    public static Optional<String> parametersProblem(String label) {
        try {
            ParameterLabel.largest(label);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("'" + label + "' is not a size label like 7B or 7B/13B: " + e.getMessage());
        }
    }

    public static Optional<String> dateProblem(String date) {
        Matcher m = DATE.matcher(date);
        if (!m.matches()) {
            return Optional.of("'" + date + "' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(3) != null) {
                LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } else if (m.group(2) != null) {
                YearMonth.of(year, Integer.parseInt(m.group(2)));
            }
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("'" + date + "' is not a real date");
        }
    }

    public static Optional<String> githubRepositoryProblem(String fullName) {
        String[] parts = fullName.split("/", -1);
        boolean valid = parts.length == 2 && GITHUB_OWNER.matcher(parts[0]).matches()
                && GITHUB_NAME.matcher(parts[1]).matches() && !parts[1].equals(".") && !parts[1].equals("..");
        return valid ? Optional.empty()
                : Optional.of("'" + fullName + "' is not a GitHub repository; use owner/name as in github.com/owner/name");
    }

    public static Optional<String> huggingfaceIdProblem(String id) {
        String[] parts = id.split("/", -1);
        boolean valid = parts.length <= 2 && !id.contains("..") && !id.contains("--");
        for (String part : parts) {
            valid &= HF_PART.matcher(part).matches();
        }
        return valid ? Optional.empty()
                : Optional.of("'" + id + "' is not a Hugging Face model id; use owner/name as in huggingface.co/owner/name");
    }

    public static Optional<String> linkProblem(String link) {
        try {
            URI uri = new URI(link);
            if (!uri.isAbsolute()) {
                return Optional.of("'" + link + "' is not an absolute URL; write it with https://");
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("'" + link + "' is not an http or https URL");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.of("'" + link + "' has no host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("'" + link + "' is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }
}
