package org.llmtracker.crawler.tables;

import org.llmtracker.crawler.catalog.CatalogFormats;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * Finds links in table cells, including the ways hand-edited documents mangle them: URLs glued
 * together without a space, URLs without a scheme, and redirect wrappers, and recognises GitHub
 * repositories and Hugging Face models among them.
 */
final class Links {

    // URLs end where printable ASCII ends: at a space, a CJK character or full-width punctuation.
    private static final Pattern ASCII_RUN = Pattern.compile("[\\x21-\\x7E]+");
    // A scheme inside a run starts a new URL, unless it is a parameter value (?target=https://...).
    private static final Pattern GLUED_SCHEME = Pattern.compile("(?<=[^=/?&:%])(?=https?://)");
    private static final Pattern BARE_DOMAIN = Pattern.compile("(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}/\\S*");
    private static final Set<String> REDIRECTORS = Set.of("link.zhihu.com", "link.juejin.cn");
    private static final Set<String> GITHUB_HOSTS = Set.of("github.com", "www.github.com");
    private static final Set<String> GITHUB_PAGES = Set.of("orgs", "topics", "features", "marketplace", "sponsors",
            "settings", "apps", "about", "collections", "search", "explore", "login", "join", "pricing", "site");
    private static final Set<String> HUGGINGFACE_HOSTS = Set.of("huggingface.co", "www.huggingface.co", "hf.co");
    private static final Set<String> HUGGINGFACE_PAGES = Set.of("blog", "spaces", "datasets", "docs", "papers",
            "models", "api", "organizations", "collections", "tasks", "learn", "join", "login", "settings", "pricing",
            "chat", "posts", "new", "enterprise");

    private Links() {
    }

    /**
     * The http(s) links of a cell, in order and without repeats.
     *
     * @param bareDomains whether {@code github.com/owner/name} counts as a link; only in a link
     *                    column, where a domain-like word is surely one
     */
    static List<String> in(Element cell, boolean bareDomains, Consumer<String> warn) {
        Set<String> links = new LinkedHashSet<>();
        for (Element anchor : cell.select("a[href]")) {
            String href = anchor.attr("href").strip();
            if (href.startsWith("http://") || href.startsWith("https://")) {
                accept(unwrap(href), links, warn);
            }
        }
        Matcher run = ASCII_RUN.matcher(cell.text().replace('\u00a0', ' '));
        while (run.find()) {
            String[] pieces = GLUED_SCHEME.split(run.group());
            for (int i = 0; i < pieces.length; i++) {
                String piece = trimTrailing(pieces[i]);
                if (piece.startsWith("http://") || piece.startsWith("https://")) {
                    accept(unwrap(piece), links, warn);
                } else if (i == 0 && bareDomains && BARE_DOMAIN.matcher(piece).matches()) {
                    accept(unwrap("https://" + piece), links, warn);
                }
            }
        }
        return new ArrayList<>(links);
    }

    /** {@code owner/name} of a link into a GitHub repository (or a file in one). */
    static Optional<String> githubRepository(String link) {
        List<String> path = pathOn(link, GITHUB_HOSTS);
        if (path.size() < 2 || GITHUB_PAGES.contains(path.get(0).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String name = path.get(0) + "/" + path.get(1).replaceFirst("\\.git$", "");
        return CatalogFormats.githubRepositoryProblem(name).isEmpty() ? Optional.of(name) : Optional.empty();
    }

    /** {@code owner/name} of a link to a Hugging Face model page; blog posts, Spaces and data sets are not models. */
    static Optional<String> huggingfaceId(String link) {
        List<String> path = pathOn(link, HUGGINGFACE_HOSTS);
        if (path.size() < 2 || HUGGINGFACE_PAGES.contains(path.get(0).toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String id = path.get(0) + "/" + path.get(1);
        return CatalogFormats.huggingfaceIdProblem(id).isEmpty() ? Optional.of(id) : Optional.empty();
    }

    private static void accept(String link, Set<String> links, Consumer<String> warn) {
        Optional<String> problem = CatalogFormats.linkProblem(link);
        if (problem.isPresent()) {
            warn.accept("links: skipped " + problem.get());
        } else {
            links.add(link);
        }
    }

    /** The target of a redirect wrapper such as {@code link.zhihu.com/?target=...}, else the link itself. */
    private static String unwrap(String link) {
        try {
            URI uri = new URI(link);
            if (uri.getHost() == null || !REDIRECTORS.contains(uri.getHost().toLowerCase(Locale.ROOT))
                    || uri.getRawQuery() == null) {
                return link;
            }
            for (String parameter : uri.getRawQuery().split("&")) {
                if (parameter.startsWith("target=")) {
                    String target = URLDecoder.decode(parameter.substring("target=".length()), StandardCharsets.UTF_8);
                    return target.startsWith("http://") || target.startsWith("https://") ? target : link;
                }
            }
            return link;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return link;
        }
    }

    private static List<String> pathOn(String link, Set<String> hosts) {
        try {
            URI uri = new URI(link);
            if (uri.getHost() == null || !hosts.contains(uri.getHost().toLowerCase(Locale.ROOT)) || uri.getPath() == null) {
                return List.of();
            }
            return Arrays.stream(uri.getPath().split("/")).filter(s -> !s.isEmpty()).toList();
        } catch (URISyntaxException e) {
            return List.of();
        }
    }

    /** Drops sentence punctuation after a URL, and a closing bracket the URL did not open. */
    private static String trimTrailing(String piece) {
        String trimmed = piece;
        while (!trimmed.isEmpty()) {
            char last = trimmed.charAt(trimmed.length() - 1);
            boolean unbalanced = (last == ')' && count(trimmed, '(') < count(trimmed, ')'))
                    || (last == ']' && count(trimmed, '[') < count(trimmed, ']'));
            if (".,;:!?'\"".indexOf(last) < 0 && !unbalanced) {
                break;
            }
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}
