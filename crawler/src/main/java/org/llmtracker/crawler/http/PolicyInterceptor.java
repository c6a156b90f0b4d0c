package org.llmtracker.crawler.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The shared HTTP policy, as an OkHttp application interceptor: bounded retries with
 * exponential back-off and jitter on 5xx answers and timeouts; waits for rate limits when the
 * wait is short, and otherwise a {@link RateLimitedException} so the run can end cleanly.
 *
 * <p>Secondary limits without {@code Retry-After} wait a minute, then twice as long each time
 * they recur, until a request gets through.
 */
public final class PolicyInterceptor implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(PolicyInterceptor.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RateLimits limits;
    private final AtomicInteger secondaryStreak = new AtomicInteger();
    private final Clock clock;
    /** Set when a successful answer said the primary limit is spent: no request before then. */
    private volatile Instant blockedUntil;

    public PolicyInterceptor(RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.limits = new RateLimits(clock);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        awaitPrimaryReset(request);
        int failures = 0;
        int limited = 0;
        while (true) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (SocketTimeoutException | ConnectException e) {
                failures++;
                if (failures >= policy.maxAttempts()) {
                    throw new UpstreamException(request.url() + " failed " + failures + " times: " + e, e);
                }
                backOff(request, failures, e.toString());
                continue;
            }
            if (response.code() >= 500) {
                failures++;
                if (failures >= policy.maxAttempts()) {
                    return response;
                }
                response.close();
                backOff(request, failures, "HTTP " + response.code());
                continue;
            }
            String bodyStart = response.code() == 403 || response.code() == 429 ? response.peekBody(4096).string() : "";
            if (!RateLimits.isLimited(response, bodyStart)) {
                if (response.code() < 400) {
                    secondaryStreak.set(0);
                }
                if (RateLimits.primaryExhausted(response)) {
                    blockedUntil = clock.instant().plus(limits.untilReset(response));
                }
                return response;
            }
            response.close();
            Duration wait = waitFor(response);
            limited++;
            if (wait.compareTo(policy.maxWait()) > 0 || limited > policy.maxAttempts()) {
                throw new RateLimitedException("Rate limited at " + request.url() + " (HTTP " + response.code()
                        + "); would have to wait " + wait.toSeconds() + " s", wait);
            }
            log.info("Rate limited at {}; waiting {} s", request.url(), wait.toSeconds());
            sleep(wait);
        }
    }

    // GitHub may ban clients that keep calling while limited: once told the quota is spent, wait or stop.
    private void awaitPrimaryReset(Request request) throws IOException {
        Instant until = blockedUntil;
        if (until == null) {
            return;
        }
        Duration wait = Duration.between(clock.instant(), until);
        if (wait.compareTo(policy.maxWait()) > 0) {
            throw new RateLimitedException("Primary rate limit spent before " + request.url() + "; would have to wait "
                    + wait.toSeconds() + " s", wait);
        }
        if (!wait.isNegative() && !wait.isZero()) {
            log.info("Primary rate limit spent; waiting {} s before {}", wait.toSeconds(), request.url());
            sleep(wait);
        }
        blockedUntil = null;
    }

    private Duration waitFor(Response response) {
        if (RateLimits.primaryExhausted(response) && response.header("Retry-After") == null) {
            return limits.untilReset(response);
        }
        return limits.retryAfter(response).orElseGet(() -> {
            return RateLimits.SECONDARY_MINIMUM.multipliedBy(1L << Math.min(secondaryStreak.getAndIncrement(), 10));
        });
    }

    private void backOff(Request request, int failures, String why) throws IOException {
        long base = policy.baseDelay().toMillis() << Math.min(failures - 1, 10);
        Duration delay = Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base + 1));
        log.info("{} at {}; retry {} of {} in {} ms", why, request.url(), failures, policy.maxAttempts() - 1,
                delay.toMillis());
        sleep(delay);
    }

    private void sleep(Duration duration) throws IOException {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
