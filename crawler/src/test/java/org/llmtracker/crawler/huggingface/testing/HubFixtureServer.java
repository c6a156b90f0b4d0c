package org.llmtracker.crawler.huggingface.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.llmtracker.crawler.sweep.testing.Listing;
import org.llmtracker.crawler.sweep.testing.ListingAnswers;
import org.llmtracker.crawler.testing.QueryStrings;

import tools.jackson.databind.JsonNode;

/**
 * A local stand-in for the Hub's models API over a {@link FixtureFamily}, answering on
 * 127.0.0.1 with a dispatcher: single models (with the recorded headers, weak ETags and a 307
 * for the renamed root), 404 with {@code X-Error-Code: RepoNotFound} for unknown ids, and list
 * pages under {@code filter=base_model:<id>} sorted by downloads, paged by {@code limit} and a
 * {@code Link: <...cursor=...>; rel="next"} header. Like the Hub, lists refuse
 * {@code expand[]=childrenModelCount} with a 400 unless {@code listChildCounts} says this
 * stand-in plays a mirror that accepts it. Scripted answers (faults) take precedence. Given a
 * {@link Listing}, it also serves the whole-Hub listing the sweep reads.
 */
public final class HubFixtureServer implements AutoCloseable {

    static {
        // Without it each small answer waits out Nagle's algorithm against delayed ACKs (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final FixtureFamily family;
    private final HubBodies bodies;
    private final boolean listChildCounts;
    private final HttpServer server;
    private final List<Script> scripts = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    /** Released at close: stalled answers wait on it, so a stall lasts exactly as long as the client waits. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile URI advertised;
    private final ListingAnswers everything;

    private HubFixtureServer(FixtureFamily family, boolean listChildCounts, Listing listing) throws IOException {
        this.family = family;
        this.everything = listing == null ? null : new ListingAnswers(listing);
        this.bodies = new HubBodies(family);
        this.listChildCounts = listChildCounts;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @param listChildCounts true plays a mirror whose lists carry {@code childrenModelCount}; false plays the Hub */
    public static HubFixtureServer start(FixtureFamily family, boolean listChildCounts) {
        return start(family, listChildCounts, null);
    }

    /** The same, and the whole-Hub listing ({@code GET /api/models?sort=lastModified...}) over {@code everything}. */
    public static HubFixtureServer start(FixtureFamily family, boolean listChildCounts, Listing everything) {
        try {
            return new HubFixtureServer(family, listChildCounts, everything);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Hub fixture server", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Where {@code Link} headers send the client: a proxy in front of this server, rather than the server itself. */
    public void advertise(URI publicUri) {
        this.advertised = publicUri;
    }

    /** Answers the next {@code times} requests whose path and query start with {@code prefix} with {@code response}. */
    public void script(String prefix, int times, FixtureResponse response) {
        scripts.add(new Script(uri -> uri.startsWith(prefix), times, response));
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The Authorization headers received, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public void resetRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(target);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            authorizations.add(authorization);
        }
        FixtureResponse response = scripted(target);
        if (response == null && everything != null && ListingAnswers.isListing(exchange.getRequestURI())) {
            ListingAnswers.Answer answer = everything.answer(exchange.getRequestURI(), uri().toString());
            response = answer.status() == 200 ? ok(answer.body()) : FixtureResponse.of(answer.status(), answer.body());
            if (answer.next() != null) {
                response = response.header("Link", "<" + answer.next() + ">; rel=\"next\"");
            }
        }
        if (response == null) {
            response = answer(exchange.getRequestURI().getRawPath(), QueryStrings.parse(exchange.getRequestURI().getRawQuery()));
        }
        if (response.stalls()) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private synchronized FixtureResponse scripted(String target) {
        for (Script script : scripts) {
            if (script.remaining > 0 && script.matches.test(target)) {
                script.remaining--;
                return script.response;
            }
        }
        return null;
    }

    private FixtureResponse answer(String path, Map<String, List<String>> query) {
        Set<String> expand = new LinkedHashSet<>(query.getOrDefault("expand[]", List.of()));
        if (path.equals("/api/models")) {
            return list(query, expand);
        }
        String id = URLDecoder.decode(path.substring("/api/models/".length()), StandardCharsets.UTF_8);
        if (id.equalsIgnoreCase(FixtureFamily.LEGACY_ROOT)) {
            String location = "/api/models/" + FixtureFamily.ROOT;
            return new FixtureResponse(307, Map.of("Content-Type", "text/plain; charset=utf-8", "Location", location,
                    "Vary", "Origin, Accept", "X-Powered-By", "huggingface-moon"),
                    "Temporary Redirect. Redirecting to " + location, false);
        }
        FixtureModel model = family.model(id);
        if (model == null) {
            return FixtureResponse.of(404, "{\"error\":\"Repository not found\"}").header("X-Error-Code", "RepoNotFound")
                    .header("X-Error-Message", "Repository not found");
        }
        return ok(bodies.detail(model, expand));
    }

    private FixtureResponse list(Map<String, List<String>> query, Set<String> expand) {
        if (expand.contains("childrenModelCount") && !listChildCounts) {
            return FixtureResponse.of(400, "{\"error\":\"\\\"expand[11]\\\" must be one of [author, cardData, config, "
                    + "createdAt, disabled, downloads, downloadsAllTime, gated, gguf, inference, inferenceProviderMapping, "
                    + "lastModified, library_name, likes, mask_token, model-index, pipeline_tag, private, safetensors, sha, "
                    + "siblings, spaces, tags, transformersInfo, trendingScore, widgetData, resourceGroup]\"}");
        }
        String filter = query.getOrDefault("filter", List.of("")).get(0);
        if (!filter.startsWith("base_model:")) {
            return FixtureResponse.of(400, "{\"error\":\"this fixture lists only filter=base_model:<id>\"}");
        }
        String parent = filter.substring("base_model:".length());
        FixtureModel parentModel = family.model(parent);
        if (parentModel != null && parentModel.brokenListing()) {
            return ok("[{\"_id\":\"65a0c1\",\"id\":\"broken/child-0\",\"downloads\":12");
        }
        List<JsonNode> items = new ArrayList<>();
        family.listedUnder(parent).forEach(m -> items.add(bodies.item(m, expand)));
        if (parent.equalsIgnoreCase(FixtureFamily.ROOT)) {
            // Two items a careless writer would store: one without an id, one with a number for an id.
            items.add(120, bodies.raw("{\"_id\":\"65f0aa\",\"likes\":3,\"downloads\":9000,\"tags\":[]}"));
            items.add(121, bodies.raw("{\"_id\":\"65f0ab\",\"id\":42,\"likes\":3,\"downloads\":9000,\"tags\":[]}"));
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", List.of("1000")).get(0));
        int offset = query.containsKey("cursor") ? offset(query.get("cursor").get(0)) : 0;
        int end = Math.min(offset + limit, items.size());
        FixtureResponse page = ok(bodies.page(items.subList(Math.min(offset, end), end)));
        if (end < items.size()) {
            page = page.header("Link", "<" + (advertised != null ? advertised : uri()) + "/api/models?" + without(query, "cursor") + "&cursor="
                    + cursor(end) + ">; rel=\"next\"");
        }
        return page;
    }

    private static FixtureResponse ok(String body) {
        String etag = "W/\"" + Integer.toHexString(body.length()) + "-" + Base64.getEncoder()
                .encodeToString(Integer.toString(body.hashCode()).getBytes(StandardCharsets.UTF_8)) + "\"";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", "https://huggingface.co");
        headers.put("Access-Control-Expose-Headers", "X-Repo-Commit,X-Request-Id,X-Error-Code,X-Error-Message,X-Total-Count,ETag,Link,Accept-Ranges,Content-Range");
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("ETag", etag);
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("Vary", "Origin");
        headers.put("X-Powered-By", "huggingface-moon");
        return new FixtureResponse(200, headers, body, false);
    }

    private static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"$offset\":" + offset + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor) {
        String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        return Integer.parseInt(json.replaceAll("\\D", ""));
    }

    private static String without(Map<String, List<String>> query, String name) {
        List<String> parts = new ArrayList<>();
        query.forEach((k, values) -> {
            if (!k.equals(name)) {
                values.forEach(v -> parts.add(encode(k) + "=" + encode(v)));
            }
        });
        return String.join("&", parts);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static final class Script {
        final Predicate<String> matches;
        int remaining;
        final FixtureResponse response;

        Script(Predicate<String> matches, int remaining, FixtureResponse response) {
            this.matches = matches;
            this.remaining = remaining;
            this.response = response;
        }
    }
}
