package org.llmtracker.crawler.sweep.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the Hub's {@code GET /api/models} listing with the Hub's wire behaviour:
 * items with {@code _id}, {@code id} and the {@code expand[]} fields, pages of at most 1,000,
 * {@code Link: <...&cursor=...>; rel="next"} until the end, sorting by {@code lastModified}
 * (descending only: {@code direction} is ignored, as the Hub now does), 400 for the expand
 * fields the Hub refuses on listings ({@code baseModels}, {@code childrenModelCount},
 * {@code usedStorage}) and for {@code expand} combined with {@code full}, {@code cardData} or
 * {@code config}. Its quota is a fixed window on the given clock ({@code q} requests per
 * {@code w}); every answer carries {@code RateLimit: "api";r=<left>;t=<seconds>} and
 * {@code RateLimit-Policy: "fixed window";"api";q=<q>;w=<w>}, and a request over the quota
 * gets 429 with both. Cursors are keyset positions; {@link #expireCursors()} makes every cursor
 * given so far invalid (400), as a Hub deploy may.
 */
public final class ListingServer implements AutoCloseable {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The Hub's largest page. */
    public static final int MAX_PAGE = 1000;

    private static final Set<String> REFUSED_EXPANDS = Set.of("baseModels", "childrenModelCount", "usedStorage");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Listing listing;
    private final Clock clock;
    private final int quota;
    private final Duration window;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicInteger cursorGeneration = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final Map<Long, Runnable> hooks = new ConcurrentHashMap<>();
    private volatile boolean garbleNext;
    private Instant windowStart;
    private int usedInWindow;

    private ListingServer(Listing listing, Clock clock, int quota, Duration window) throws IOException {
        this.listing = listing;
        this.clock = clock;
        this.quota = quota;
        this.window = window;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @param quota requests per window, as the Hub's {@code RateLimit-Policy q=} says */
    public static ListingServer start(Listing listing, Clock clock, int quota, Duration window) {
        try {
            return new ListingServer(listing, clock, quota, window);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the listing stand-in", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request received, answered or refused. */
    public long requests() {
        return requests.get();
    }

    /** Requests answered 429. */
    public long refused() {
        return refused.get();
    }

    /** Every cursor handed out so far is refused from now on. */
    public void expireCursors() {
        cursorGeneration.incrementAndGet();
    }

    /** The next {@code times} requests fail with a 500, as an overloaded Hub does. */
    public void failNext(int times) {
        failures.set(times);
    }

    /** The next answer is a page cut short: a 200 whose body is not the JSON array it should be. */
    public void garbleNext() {
        garbleNext = true;
    }

    /** Runs {@code action} once the {@code n}-th request has been answered (a Hub that changes while it is read). */
    public void afterRequest(long n, Runnable action) {
        hooks.put(n, action);
    }

    /** Other clients of the same account spent the rest of the window: the next request is refused. */
    public synchronized void exhaustWindow() {
        take(new LinkedHashMap<>());
        usedInWindow = quota;
    }

    /** Path and query of every request, in order. */
    public List<String> targets() {
        return List.copyOf(targets);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long number = requests.incrementAndGet();
        targets.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Date", HTTP_DATE.format(clock.instant()));
        headers.put("X-Powered-By", "huggingface-moon");
        headers.put("Access-Control-Expose-Headers", "X-Repo-Commit,X-Request-Id,X-Error-Code,X-Error-Message,"
                + "X-Total-Count,ETag,Link,Accept-Ranges,Content-Range");
        int status;
        String body;
        long left = take(headers);
        if (left < 0) {
            refused.incrementAndGet();
            status = 429;
            body = "{\"error\":\"You have exceeded our API rate limit. Please retry later.\"}";
        } else if (garbleNext) {
            garbleNext = false;
            status = 200;
            body = "[{\"_id\":\"65a0c1\",\"id\":\"cut/short\",\"downloads\":12";
        } else if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 500;
            body = "{\"error\":\"Internal Error - We're working hard to fix this as soon as possible!\"}";
        } else {
            Answer answer = answer(exchange.getRequestURI());
            status = answer.status();
            body = answer.body();
            if (answer.next() != null) {
                headers.put("Link", "<" + answer.next() + ">; rel=\"next\"");
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        // Before the answer leaves: the next request sees the change, this one's page does not.
        Runnable hook = hooks.remove(number);
        if (hook != null) {
            hook.run();
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Counts the request against the window; returns what is left, or -1 when it is over the quota. */
    private synchronized long take(Map<String, String> headers) {
        Instant now = clock.instant();
        if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            usedInWindow = 0;
        }
        long reset = Math.max(1, Duration.between(now, windowStart.plus(window)).toSeconds());
        boolean over = usedInWindow >= quota;
        if (!over) {
            usedInWindow++;
        }
        long left = quota - usedInWindow;
        headers.put("RateLimit", "\"api\";r=" + left + ";t=" + reset);
        headers.put("RateLimit-Policy", "\"fixed window\";\"api\";q=" + quota + ";w=" + window.toSeconds());
        return over ? -1 : left;
    }

    private Answer answer(URI uri) {
        if (!"/api/models".equals(uri.getRawPath())) {
            return new Answer(404, "{\"error\":\"Not Found\"}", null);
        }
        Map<String, List<String>> query = query(uri.getRawQuery());
        Set<String> expand = new LinkedHashSet<>();
        expand.addAll(query.getOrDefault("expand[]", List.of()));
        expand.addAll(query.getOrDefault("expand", List.of()));
        for (String field : expand) {
            if (REFUSED_EXPANDS.contains(field)) {
                return new Answer(400, "{\"error\":\"\\\"expand\\\" must be one of [author, cardData, config, createdAt, "
                        + "disabled, downloads, downloadsAllTime, gated, gguf, inference, inferenceProviderMapping, "
                        + "lastModified, library_name, likes, mask_token, model-index, pipeline_tag, private, safetensors, "
                        + "sha, siblings, spaces, tags, transformersInfo, trendingScore, widgetData, resourceGroup]\"}", null);
            }
        }
        if (!expand.isEmpty() && (query.containsKey("full") || query.containsKey("cardData") || query.containsKey("config"))) {
            return new Answer(400, "{\"error\":\"expand cannot be combined with full, cardData or config\"}", null);
        }
        if (!"lastModified".equals(query.getOrDefault("sort", List.of("")).get(0))) {
            return new Answer(400, "{\"error\":\"this stand-in lists by sort=lastModified only\"}", null);
        }
        int limit = Math.min(MAX_PAGE, Integer.parseInt(query.getOrDefault("limit", List.of("1000")).get(0)));
        Listing.Key after = null;
        if (query.containsKey("cursor")) {
            after = cursor(query.get("cursor").get(0));
            if (after == null) {
                return new Answer(400, "{\"error\":\"Invalid cursor\"}", null);
            }
        }
        List<ListedModel> page = listing.after(after, limit + 1);
        boolean more = page.size() > limit;
        List<ListedModel> shown = more ? page.subList(0, limit) : page;
        StringBuilder body = new StringBuilder(shown.size() * 420 + 2).append('[');
        for (int i = 0; i < shown.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            shown.get(i).json(expand, body);
        }
        body.append(']');
        String next = more ? uri() + "/api/models?" + without(uri.getRawQuery(), "cursor") + "&cursor="
                + cursor(shown.get(shown.size() - 1).key()) : null;
        return new Answer(200, body.toString(), next);
    }

    private String cursor(Listing.Key key) {
        String json = "{\"lastModified\":\"" + key.lastModified() + "\",\"_id\":\"" + key.objectId() + "\",\"v\":"
                + cursorGeneration.get() + "}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private Listing.Key cursor(String text) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String lastModified = field(json, "lastModified");
            String objectId = field(json, "_id");
            int generation = Integer.parseInt(json.substring(json.indexOf("\"v\":") + 4, json.lastIndexOf('}')));
            return generation == cursorGeneration.get() ? new Listing.Key(Instant.parse(lastModified), objectId) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }

    private static String without(String rawQuery, String name) {
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.startsWith(name + "=")) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private record Answer(int status, String body, String next) {
    }
}
