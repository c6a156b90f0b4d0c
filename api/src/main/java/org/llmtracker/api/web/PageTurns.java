package org.llmtracker.api.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages and reads take turns, at most {@code concurrent} at once, so a search typed while the
 * store is busy never queues behind them.
 *
 * <p>Why: reads are CPU-bound (the store is in-process), so thirty requests at once each take
 * thirty times their own time, and a 3 ms keystroke waited 65-75 ms behind model pages at 1M
 * models and 32 clients. Letting only a few pages run at once costs the machine nothing (the
 * CPU was full either way) and lets a keystroke's search, which skips the turns, share the CPU
 * with those few only. Turns are handed out in arrival order. A request that waits longer than
 * {@code wait} is refused with 503 and {@code Retry-After}, and nothing it would have read is lost.
 *
 * <p>Skip the turns: search with a text ({@code GET /api/models?q=}, one request a keystroke),
 * health and metrics (a probe must not wait behind pages), static files, and the export and
 * import, which stream for minutes and would hold a turn all that time.
 */
final class PageTurns extends OncePerRequestFilter {

    private static final Set<String> UNTURNED = Set.of("/api/export", BodyLimitFilter.GRAPH_IMPORT);

    private final Semaphore turns;
    private final int concurrent;
    private final Duration wait;
    private final ProblemResponses problems;

    PageTurns(int concurrent, Duration wait, ProblemResponses problems) {
        if (concurrent < 1 || wait.isNegative()) {
            throw new IllegalArgumentException("tracker.api.concurrent-pages must be at least 1 and tracker.api.page-wait "
                    + "at least 0, not " + concurrent + " and " + wait);
        }
        this.turns = new Semaphore(concurrent, true);
        this.concurrent = concurrent;
        this.wait = wait;
        this.problems = problems;
    }

    /** {@code tracker.api.concurrent-pages}: 0 means twice the processors. */
    static int concurrent(int configured) {
        return configured > 0 ? configured : 2 * Runtime.getRuntime().availableProcessors();
    }

    /** Requests waiting for a turn now. */
    int waiting() {
        return turns.getQueueLength();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (skipsTheTurns(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!turn()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Busy",
                    "The server read " + concurrent + " pages at once for longer than " + wait.toMillis()
                            + " ms while this request waited its turn (" + request.getRequestURI()
                            + "); nothing was changed. Try again in a second.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    private boolean turn() {
        try {
            return turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean skipsTheTurns(HttpServletRequest request) {
        String path = request.getServletPath();
        if ("/api/models".equals(path) && "GET".equals(request.getMethod())) {
            String q = request.getParameter("q");
            return q != null && !q.isBlank();
        }
        return UNTURNED.contains(path) || path.startsWith("/actuator/") || path.startsWith("/site/");
    }
}
