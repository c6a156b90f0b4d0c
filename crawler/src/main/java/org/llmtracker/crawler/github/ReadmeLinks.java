package org.llmtracker.crawler.github;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.llmtracker.graph.article.ReadmeFacts;

/** Hugging Face model links and arXiv papers in a rendered README. */
final class ReadmeLinks {

    /** First path segments of huggingface.co that are not model owners. */
    private static final Set<String> NOT_OWNERS = Set.of("datasets", "spaces", "docs", "blog", "papers", "models",
            "collections", "organizations", "settings", "join", "login", "tasks", "learn", "pricing", "chat",
            "api", "search", "posts", "enterprise");
    private static final Pattern HF_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern ARXIV = Pattern.compile("^/(?:abs|pdf)/(\\d{4}\\.\\d{4,5})(?:v\\d+)?(?:\\.pdf)?/?$");

    private ReadmeLinks() {
    }

    /** @param baseUrl where relative links in the README point, e.g. the repository's page */
    static ReadmeFacts parse(String html, String baseUrl) {
        Map<String, String> hf = new LinkedHashMap<>();
        Map<String, ReadmeFacts.Paper> papers = new LinkedHashMap<>();
        for (Element a : Jsoup.parse(html, baseUrl).select("a[href]")) {
            URI uri = uri(a.absUrl("href"));
            if (uri == null || uri.getHost() == null) {
                continue;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (host.equals("huggingface.co") || host.equals("www.huggingface.co")) {
                String id = modelId(path);
                if (id != null) {
                    hf.putIfAbsent(id.toLowerCase(Locale.ROOT), id);
                }
            } else if (host.equals("arxiv.org") || host.endsWith(".arxiv.org")) {
                Matcher m = ARXIV.matcher(path);
                if (m.matches()) {
                    String url = "https://arxiv.org/abs/" + m.group(1);
                    papers.putIfAbsent(url, new ReadmeFacts.Paper(url, title(a.text())));
                }
            }
        }
        return new ReadmeFacts(new ArrayList<>(hf.values()), new ArrayList<>(papers.values()));
    }

    private static String modelId(String path) {
        String[] parts = path.replaceFirst("^/", "").split("/");
        if (parts.length < 2 || NOT_OWNERS.contains(parts[0].toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (!HF_NAME.matcher(parts[0]).matches() || !HF_NAME.matcher(parts[1]).matches()) {
            return null;
        }
        return parts[0] + "/" + parts[1];
    }

    // Anchor text makes a title only when it is words, not a bare URL or a badge without text.
    private static String title(String text) {
        String t = text == null ? "" : text.trim();
        return t.length() < 4 || t.startsWith("http") ? null : t;
    }

    private static URI uri(String s) {
        try {
            return s.isEmpty() ? null : new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
