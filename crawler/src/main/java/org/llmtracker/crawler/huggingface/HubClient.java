package org.llmtracker.crawler.huggingface;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.graph.naming.HubIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The two Hub calls the crawler needs: one model ({@code GET /api/models/{id}}) and the models
 * derived from one ({@code GET /api/models?filter=base_model:{id}}), paged with {@code limit},
 * most downloaded first, following {@code Link: <...cursor=...>; rel="next"}. Every request
 * goes through the Hub's {@link Upstream} (the HTTP policy); this class reads the answers.
 *
 * <p>{@code expand[]} asks for exactly the fields the graph keeps. The Hub accepts
 * {@code childrenModelCount} only on single-model requests and answers 400 when a list asks for
 * it (huggingface_hub PR #3182); a mirror may accept it. So lists ask for it once, and on a 400
 * the client drops it for the rest of its life and asks again without it.
 *
 * <p>An answer it cannot use (a redirect to an invalid location, a {@code Link} that is not an
 * http(s) URL on the Hub's own host) throws {@link HubException}: that item fails, the run goes on.
 */
public final class HubClient {

    private static final Logger log = LoggerFactory.getLogger(HubClient.class);
    private static final List<String> FIELDS = List.of("author", "cardData", "createdAt", "downloads", "gated",
            "lastModified", "library_name", "likes", "pipeline_tag", "safetensors", "tags");
    private static final String CHILD_COUNTS = "childrenModelCount";
    private static final int MAX_REDIRECTS = 5;

    private final HubSettings settings;
    private final Upstream http;
    private final HubJson json = new HubJson();
    private volatile boolean listChildCounts = true;

    public HubClient(HubSettings settings, Upstream http) {
        this.settings = settings;
        this.http = http;
    }

    public ModelAnswer model(String id) throws IOException {
        String current = checked(id);
        List<String> former = new ArrayList<>();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpUrl url = url("/api/models/" + current + "?" + expand(true));
            try (Response response = http.execute(get(url))) {
                int status = response.code();
                if (status == 301 || status == 302 || status == 307 || status == 308) {
                    String target = renamedTo(response, url, current);
                    former.add(current);
                    current = target;
                    continue;
                }
                String code = response.header("X-Error-Code", "");
                if (status == 404 || "RepoNotFound".equals(code)) {
                    return new ModelAnswer.Gone(current, status);
                }
                if (status == 401 || status == 403) {
                    return new ModelAnswer.Gated(current, status);
                }
                if (status != 200) {
                    throw new HubException("GET " + Upstream.shown(url) + " answered " + status);
                }
                return new ModelAnswer.Found(json.model(response.body().string(), Upstream.shown(url)), former);
            }
        }
        throw new HubException("more than " + MAX_REDIRECTS + " redirects for model '" + id + "'");
    }

    /**
     * Pages through the models derived from {@code parent}, most downloaded first, handing each
     * page to {@code page} until it answers false or the pages run out. Malformed items are
     * skipped and named in {@code rejected}.
     */
    public void children(String parent, List<String> rejected, Predicate<List<HubEntry>> page) throws IOException {
        String first = "/api/models?filter=" + URLEncoder.encode("base_model:" + checked(parent), StandardCharsets.UTF_8)
                + "&sort=downloads&direction=-1&limit=" + settings.pageSize() + "&";
        HttpUrl url = url(first + expand(listChildCounts));
        while (url != null) {
            try (Response response = http.execute(get(url))) {
                if (response.code() == 400 && listChildCounts) {
                    log.info("The Hub refuses childrenModelCount on lists; listing without it from now on");
                    listChildCounts = false;
                    url = url(first + expand(false));
                    continue;
                }
                if (response.code() != 200) {
                    throw new HubException("GET " + Upstream.shown(url) + " answered " + response.code());
                }
                List<HubEntry> entries = json.page(response.body().string(), Upstream.shown(url), rejected);
                if (!page.test(entries)) {
                    return;
                }
                url = LinkHeader.nextPage(response.header("Link"), url, url("/"));
            }
        }
    }

    /**
     * {@code GET /api/models/{id}} with exactly the {@code expand} fields asked for, following renames;
     * the body, or empty when the model is gone (404) or gated (401, 403).
     *
     * @throws UncheckedIOException around the policy's {@link org.llmtracker.crawler.http.RateLimitedException},
     *                              {@link org.llmtracker.crawler.http.UpstreamDownException} or a request failed for good
     */
    public Optional<String> modelBody(String id, List<String> expand) {
        String current = checked(id);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpUrl url = url("/api/models/" + current + "?" + expandOnly(expand));
            try (Response response = http.execute(get(url))) {
                int status = response.code();
                if (status == 301 || status == 302 || status == 307 || status == 308) {
                    current = renamedTo(response, url, current);
                    continue;
                }
                if (status == 404 || status == 401 || status == 403) {
                    return Optional.empty();
                }
                if (status != 200) {
                    throw new HubException("GET " + Upstream.shown(url) + " answered " + status);
                }
                return Optional.of(response.body().string());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new HubException("more than " + MAX_REDIRECTS + " redirects for model '" + id + "'");
    }

    /** {@code GET /api/models?search=<text>}: a JSON array of the models whose id contains {@code text}, most downloaded first. */
    public String searchBody(String text, int limit, List<String> expand) {
        HttpUrl url = url("/api/models?search=" + encode(text) + "&sort=downloads&limit=" + limit + "&" + expandOnly(expand));
        try (Response response = http.execute(get(url))) {
            if (response.code() != 200) {
                throw new HubException("GET " + Upstream.shown(url) + " answered " + response.code());
            }
            return response.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model's card, {@code GET /{id}/resolve/main/README.md}; empty when it has none or it cannot be read. */
    public Optional<String> readme(String id) {
        try (Response response = http.execute(get(url("/" + checked(id) + "/resolve/main/README.md")))) {
            return response.code() == 200 ? Optional.of(response.body().string()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether list items carry child counts, so that leaves need no request of their own. */
    public boolean listsCarryChildCounts() {
        return listChildCounts;
    }

    private HttpUrl url(String pathAndQuery) {
        return HttpUrl.get(settings.apiUrl() + pathAndQuery);
    }

    private static Request get(HttpUrl url) {
        return new Request.Builder().url(url).header("Accept", "application/json").get().build();
    }

    private String renamedTo(Response response, HttpUrl url, String current) throws HubException {
        String location = response.header("Location");
        if (location == null) {
            throw new HubException("redirect without Location for model '" + current + "'");
        }
        HttpUrl target = LinkHeader.strictlyResolved(url, location);
        if (target == null) {
            throw new HubException("model '" + current + "' redirects to an invalid location: " + LinkHeader.quoted(location));
        }
        String path = target.encodedPath();
        int at = path.indexOf("/api/models/");
        if (at < 0) {
            throw new HubException("model '" + current + "' redirects outside the models API: " + LinkHeader.quoted(location));
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String checked(String id) throws HubException {
        if (id == null || id.length() > 200 || !HubIds.valid(id.trim())) {
            throw new HubException("not a Hugging Face model id: " + LinkHeader.quoted(String.valueOf(id)));
        }
        return id.trim();
    }
}
