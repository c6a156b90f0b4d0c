package org.llmtracker.crawler.sweep.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final int quota;
    private final Duration window;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ListingAnswers answers;
    private final AtomicInteger failures = new AtomicInteger();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final Map<Long, Runnable> hooks = new ConcurrentHashMap<>();
    private volatile boolean garbleNext;
    private Instant windowStart;
    private int usedInWindow;

    private ListingServer(Listing listing, Clock clock, int quota, Duration window) throws IOException {
        this.answers = new ListingAnswers(listing);
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
        answers.expireCursors();
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
            ListingAnswers.Answer answer = answers.answer(exchange.getRequestURI(), uri().toString());
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
}
