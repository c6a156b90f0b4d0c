package org.llmtracker.crawler.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local GitHub API serving the recorded responses in {@code src/test/resources/github} as
 * templates (see SOURCES.md there). Every 200 carries an ETag and has a 304 twin answering a
 * request that presents it, the way GitHub answers {@code If-None-Match}.
 */
public final class GithubMirror implements AutoCloseable {

    /** The recorded server date: rate-limit resets are judged against it. */
    public static final Instant SERVER_NOW = Instant.parse("2021-01-15T00:26:38Z");
    static final String SERVER_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.format(SERVER_NOW.atZone(ZoneOffset.UTC));

    private final WireMockServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ObjectNode repositoryTemplate;
    private final ArrayNode releasesTemplate;

    public GithubMirror() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        repositoryTemplate = (ObjectNode) json.readTree(resource("repository.json"));
        releasesTemplate = (ArrayNode) json.readTree(resource("releases.json"));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public WireMockServer server() {
        return server;
    }

    public void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A repository document shaped like the recording, with these figures. */
    public Repo repository(String fullName) {
        return new Repo(fullName);
    }

    /** The recorded releases (30, newest {@code v2.12.8}), renamed to belong to {@code fullName}. */
    public List<JsonNode> recordedReleases(String fullName) {
        List<JsonNode> releases = new ArrayList<>();
        for (JsonNode r : releasesTemplate) {
            ObjectNode copy = (ObjectNode) r.deepCopy();
            copy.put("html_url", "https://github.com/" + fullName + "/releases/tag/" + r.path("tag_name").asString());
            releases.add(copy);
        }
        return releases;
    }

    /** Releases served {@code perPage} to a page, linked by {@code Link: rel="next"} like the recording. */
    public void releases(String fullName, List<JsonNode> releases, int perPage) {
        int pages = Math.max(1, (releases.size() + perPage - 1) / perPage);
        for (int page = 1; page <= pages; page++) {
            ArrayNode body = json.createArrayNode();
            releases.subList((page - 1) * perPage, Math.min(releases.size(), page * perPage)).forEach(body::add);
            HttpHeaders headers = headers("releases.headers.json", null);
            String base = url() + "/repos/" + fullName + "/releases?per_page=100&page=";
            headers = without(headers, "Link");
            if (page < pages) {
                headers = headers.plus(new HttpHeader("Link", "<" + base + (page + 1) + ">; rel=\"next\", <" + base
                        + pages + ">; rel=\"last\""));
            }
            String path = "/repos/" + fullName + "/releases?per_page=100" + (page == 1 ? "" : "&page=" + page);
            serve(path, 200, body.toString(), headers);
        }
    }

    public void tags(String fullName, String... tags) {
        ArrayNode body = json.createArrayNode();
        for (String tag : tags) {
            body.addObject().put("name", tag).putObject("commit").put("sha", sha(tag));
        }
        serve("/repos/" + fullName + "/tags?per_page=100", 200, body.toString(),
                without(headers("releases.headers.json", null), "Link"));
    }

    /** A rendered README, as {@code Accept: application/vnd.github.html+json} returns it. */
    public void readme(String fullName, String articleHtml) {
        String html = "<div id=\"readme\" class=\"md\" data-path=\"README.md\"><article class=\"markdown-body "
                + "entry-content container-lg\" itemprop=\"text\">" + articleHtml + "</article></div>";
        serve("/repos/" + fullName + "/readme", 200, html,
                without(headers("repository.headers.json", null), "Content-Type")
                        .plus(new HttpHeader("Content-Type", "application/vnd.github.html; charset=utf-8")));
    }

    public void notFound(String path) {
        server.stubFor(get(urlEqualTo(path)).atPriority(2).willReturn(aResponse().withStatus(404)
                .withHeaders(without(without(headers("repository.headers.json", null), "ETag"), "last-modified"))
                .withBody("{\"message\":\"Not Found\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/repos/repos#get-a-repository\",\"status\":\"404\"}")));
    }

    /** GitHub's answer for a renamed repository: 301 to its id. */
    public void moved(String oldFullName, long id) {
        String location = url() + "/repositories/" + id;
        server.stubFor(get(urlEqualTo("/repos/" + oldFullName)).atPriority(2).willReturn(aResponse().withStatus(301)
                .withHeaders(without(without(headers("repository.headers.json", null), "ETag"), "last-modified")
                        .plus(new HttpHeader("Location", location)))
                .withBody("{\"message\":\"Moved Permanently\",\"url\":\"" + location
                        + "\",\"documentation_url\":\"https://docs.github.com/v3/#http-redirects\"}")));
    }

    /** A 403 with the recorded primary-limit headers; the window resets {@code resetIn} after the server's date. */
    public ResponseDefinitionBuilder primaryLimit(long resetInSeconds) {
        JsonNode recorded = json.readTree(resource("primary-limit.json"));
        HttpHeaders headers = new HttpHeaders();
        for (Map.Entry<String, JsonNode> e : recorded.path("headers").properties()) {
            headers = headers.plus(header(e.getKey(), e.getValue(), SERVER_NOW.getEpochSecond() + resetInSeconds));
        }
        return aResponse().withStatus(403).withHeaders(headers).withBody(recorded.path("body").asString());
    }

    /** GitHub's secondary limit: 403 with a message, and {@code Retry-After} when given. */
    public ResponseDefinitionBuilder secondaryLimit(Integer retryAfterSeconds) {
        HttpHeaders headers = without(without(headers("repository.headers.json", null), "ETag"), "last-modified");
        if (retryAfterSeconds != null) {
            headers = headers.plus(new HttpHeader("Retry-After", String.valueOf(retryAfterSeconds)));
        }
        return aResponse().withStatus(403).withHeaders(headers).withBody("{\"message\":\"You have exceeded a "
                + "secondary rate limit. Please wait a few minutes before you try again.\",\"documentation_url\":"
                + "\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits\","
                + "\"status\":\"403\"}");
    }

    /** Serves {@code body} at {@code path} with an ETag, and a 304 to requests presenting that ETag. */
    public void serve(String path, int status, String body, HttpHeaders recorded) {
        String etag = "W/\"" + sha(body) + "\"";
        // New content replaces old: its ETag no longer earns a 304.
        server.getStubMappings().stream().filter(m -> path.equals(m.getRequest().getUrl())).toList()
                .forEach(server::removeStub);
        HttpHeaders headers = without(recorded, "ETag").plus(new HttpHeader("ETag", etag));
        server.stubFor(get(urlEqualTo(path)).atPriority(5)
                .willReturn(aResponse().withStatus(status).withHeaders(headers).withBody(body)));
        server.stubFor(get(urlEqualTo(path)).atPriority(4).withHeader("If-None-Match", equalTo(etag))
                .willReturn(aResponse().withStatus(304).withHeaders(notModified(etag))));
    }

    /**
     * Serves every repository in {@code fullNames} the way GitHub would: the recorded document
     * with figures of its own ({@link #starsOf}), five of the recorded releases (or, for every
     * third repository, tags only), and a short README.
     */
    public void serveCatalogue(List<String> fullNames) {
        for (int i = 0; i < fullNames.size(); i++) {
            String fullName = fullNames.get(i);
            repository(fullName).stars(starsOf(fullName)).forks(starsOf(fullName) / 10).serve();
            if (i % 3 == 2) {
                releases(fullName, List.of(), 100);
                tags(fullName, "v1.0", "v0.9");
            } else {
                releases(fullName, recordedReleases(fullName).subList(0, 5), 100);
            }
            readme(fullName, "<h1>" + fullName + "</h1><p>See the paper.</p>");
        }
    }

    /** The stars {@link #serveCatalogue} gives a repository. */
    public static long starsOf(String fullName) {
        return 1000 + Math.floorMod(fullName.toLowerCase().hashCode(), 50000);
    }

    /** Every request the mirror answered, oldest first. */
    public List<ServeEvent> served() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events;
    }

    HttpHeaders headers(String file, Long reset) {
        HttpHeaders headers = new HttpHeaders();
        for (Map.Entry<String, JsonNode> e : json.readTree(resource(file)).properties()) {
            headers = headers.plus(header(e.getKey(), e.getValue(), reset));
        }
        return headers;
    }

    private HttpHeaders notModified(String etag) {
        return without(headers("not-modified.headers.json", SERVER_NOW.getEpochSecond() + 3600), "ETag")
                .plus(new HttpHeader("ETag", etag));
    }

    private static HttpHeader header(String name, JsonNode value, Long reset) {
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> values.add(v.asString()));
        } else {
            values.add(value.asString());
        }
        // hub4j templated the time headers of some recordings; fill them in with the server's date.
        List<String> filled = values.stream().map(v -> v.startsWith("{{testStartDate") || v.startsWith("{{now")
                ? (name.equalsIgnoreCase("X-RateLimit-Reset") ? String.valueOf(reset) : SERVER_DATE) : v).toList();
        return new HttpHeader(name, filled);
    }

    private static HttpHeaders without(HttpHeaders headers, String name) {
        List<HttpHeader> kept = new ArrayList<>();
        for (HttpHeader h : headers.all()) {
            if (!h.key().equalsIgnoreCase(name)) {
                kept.add(h);
            }
        }
        return new HttpHeaders(kept);
    }

    static String resource(String name) {
        try (InputStream in = GithubMirror.class.getResourceAsStream("/github/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No test resource github/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A repository document to serve, built from the recorded one. */
    public final class Repo {

        private final ObjectNode body;
        private final String fullName;

        Repo(String fullName) {
            this.fullName = fullName;
            this.body = repositoryTemplate.deepCopy();
            String name = fullName.substring(fullName.indexOf('/') + 1);
            body.put("name", name).put("full_name", fullName).put("html_url", "https://github.com/" + fullName)
                    .put("url", url() + "/repos/" + fullName).put("id", Math.abs((long) fullName.hashCode()));
            ((ObjectNode) body.get("owner")).put("login", fullName.substring(0, fullName.indexOf('/')));
            body.putArray("topics").add("llm");
        }

        public Repo stars(long stars) {
            body.put("stargazers_count", stars).put("watchers_count", stars);
            return this;
        }

        public Repo forks(long forks) {
            body.put("forks_count", forks).put("forks", forks);
            return this;
        }

        public Repo pushedAt(String instant) {
            body.put("pushed_at", instant);
            return this;
        }

        public Repo archived(boolean archived) {
            body.put("archived", archived);
            return this;
        }

        public Repo id(long id) {
            body.put("id", id);
            return this;
        }

        public String json() {
            return body.toString();
        }

        /** Serves it at {@code /repos/{fullName}}. */
        public void serve() {
            GithubMirror.this.serve("/repos/" + fullName, 200, body.toString(), headers("repository.headers.json", null));
        }

        /** Serves it at {@code /repositories/{id}}, where GitHub redirects a renamed repository. */
        public void serveById() {
            GithubMirror.this.serve("/repositories/" + body.path("id").asLong(), 200, body.toString(),
                    headers("repository.headers.json", null));
        }
    }
}
