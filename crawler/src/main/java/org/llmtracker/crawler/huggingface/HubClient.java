package org.llmtracker.crawler.huggingface;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two Hub calls the crawler needs: one model ({@code GET /api/models/{id}}) and the models
 * derived from one ({@code GET /api/models?filter=base_model:{id}}), paged with {@code limit},
 * most downloaded first, following {@code Link: <...cursor=...>; rel="next"}.
 *
 * <p>{@code expand[]} asks for exactly the fields the graph keeps. The Hub accepts
 * {@code childrenModelCount} only on single-model requests and answers 400 when a list asks for
 * it (huggingface_hub PR #3182); a mirror may accept it. So lists ask for it once, and on a 400
 * the client drops it for the rest of its life and asks again without it.
 */
public final class HubClient {

    private static final Logger log = LoggerFactory.getLogger(HubClient.class);
    private static final List<String> FIELDS = List.of("author", "cardData", "createdAt", "downloads", "gated",
            "lastModified", "library_name", "likes", "pipeline_tag", "safetensors", "tags");
    private static final String CHILD_COUNTS = "childrenModelCount";
    private static final int MAX_REDIRECTS = 5;

    private final HubSettings settings;
    private final HubHttp http;
    private final HubJson json = new HubJson();
    private volatile boolean listChildCounts = true;

    public HubClient(HubSettings settings, Sleeper sleeper, Clock clock, Runnable onRequest) {
        this.settings = settings;
        this.http = new HubHttp(settings, sleeper, clock, onRequest);
    }

    public ModelAnswer model(String id) {
        String current = checked(id);
        List<String> former = new ArrayList<>();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            URI uri = URI.create(settings.apiUrl() + "/api/models/" + current + "?" + expand(true));
            HttpResponse<String> response = http.get(uri);
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 307 || status == 308) {
                String target = renamedTo(response, current);
                former.add(current);
                current = target;
                continue;
            }
            String code = response.headers().firstValue("X-Error-Code").orElse("");
            if (status == 404 || "RepoNotFound".equals(code)) {
                return new ModelAnswer.Gone(current, status);
            }
            if (status == 401 || status == 403) {
                return new ModelAnswer.Gated(current, status);
            }
            if (status != 200) {
                throw new HubException("GET " + uri + " answered " + status);
            }
            return new ModelAnswer.Found(json.model(response.body(), uri.toString()), former);
        }
        throw new HubException("more than " + MAX_REDIRECTS + " redirects for model '" + id + "'");
    }

    /**
     * Pages through the models derived from {@code parent}, most downloaded first, handing each
     * page to {@code page} until it answers false or the pages run out. Malformed items are
     * skipped and named in {@code rejected}.
     */
    public void children(String parent, List<String> rejected, Predicate<List<HubEntry>> page) {
        String first = "/api/models?filter=" + encode("base_model:" + checked(parent))
                + "&sort=downloads&direction=-1&limit=" + settings.pageSize() + "&";
        URI uri = URI.create(settings.apiUrl() + first + expand(listChildCounts));
        while (uri != null) {
            HttpResponse<String> response = http.get(uri);
            if (response.statusCode() == 400 && listChildCounts) {
                log.info("The Hub refuses childrenModelCount on lists; listing without it from now on");
                listChildCounts = false;
                uri = URI.create(settings.apiUrl() + first + expand(false));
                continue;
            }
            if (response.statusCode() != 200) {
                throw new HubException("GET " + uri + " answered " + response.statusCode());
            }
            List<HubEntry> entries = json.page(response.body(), uri.toString(), rejected);
            if (!page.test(entries)) {
                return;
            }
            uri = next(response).orElse(null);
        }
    }

    /**
     * {@code GET /api/models/{id}} with exactly the {@code expand} fields asked for, following renames;
     * the body, or empty when the model is gone (404) or gated (401, 403).
     */
    public Optional<String> modelBody(String id, List<String> expand) {
        String current = checked(id);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            URI uri = URI.create(settings.apiUrl() + "/api/models/" + current + "?" + expandOnly(expand));
            HttpResponse<String> response = http.get(uri);
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 307 || status == 308) {
                current = renamedTo(response, current);
                continue;
            }
            if (status == 404 || status == 401 || status == 403) {
                return Optional.empty();
            }
            if (status != 200) {
                throw new HubException("GET " + uri + " answered " + status);
            }
            return Optional.of(response.body());
        }
        throw new HubException("more than " + MAX_REDIRECTS + " redirects for model '" + id + "'");
    }

    /** {@code GET /api/models?search=<text>}: a JSON array of the models whose id contains {@code text}, most downloaded first. */
    public String searchBody(String text, int limit, List<String> expand) {
        URI uri = URI.create(settings.apiUrl() + "/api/models?search=" + encode(text) + "&sort=downloads&limit=" + limit + "&"
                + expandOnly(expand));
        HttpResponse<String> response = http.get(uri);
        if (response.statusCode() != 200) {
            throw new HubException("GET " + uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** A model's card, {@code GET /{id}/resolve/main/README.md}; empty when it has none or it cannot be read. */
    public Optional<String> readme(String id) {
        URI uri = URI.create(settings.apiUrl() + "/" + checked(id) + "/resolve/main/README.md");
        HttpResponse<String> response = http.get(uri);
        return response.statusCode() == 200 ? Optional.ofNullable(response.body()) : Optional.empty();
    }

    /** Whether list items carry child counts, so that leaves need no request of their own. */
    public boolean listsCarryChildCounts() {
        return listChildCounts;
    }

    private Optional<URI> next(HttpResponse<String> response) {
        return LinkHeader.next(response.headers().firstValue("Link").orElse(null)).map(link -> {
            URI target = URI.create(settings.apiUrl() + "/").resolve(link);
            // A Link elsewhere would send the token to another host.
            if (!target.getHost().equalsIgnoreCase(settings.apiUrl().getHost()) || target.getPort() != settings.apiUrl().getPort()) {
                throw new HubException("refusing a next page on another host: " + link);
            }
            return target;
        });
    }

    private String renamedTo(HttpResponse<String> response, String current) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new HubException("redirect without Location for model '" + current + "'"));
        String path = URI.create(settings.apiUrl() + "/").resolve(location).getPath();
        int at = path.indexOf("/api/models/");
        if (at < 0) {
            throw new HubException("model '" + current + "' redirects outside the models API: " + location);
        }
        return checked(path.substring(at + "/api/models/".length()));
    }

    private static String expand(boolean childCounts) {
        List<String> fields = new ArrayList<>(FIELDS);
        if (childCounts) {
            fields.add(CHILD_COUNTS);
        }
        return String.join("&", fields.stream().map(f -> "expand%5B%5D=" + f).toList());
    }

    private static String expandOnly(List<String> fields) {
        return String.join("&", fields.stream().map(f -> "expand%5B%5D=" + encode(f)).toList());
    }

    private static String checked(String id) {
        if (id == null || !HubJson.ID.matcher(id.trim()).matches()) {
            throw new HubException("not a Hugging Face model id: '" + id + "'");
        }
        return id.trim();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
