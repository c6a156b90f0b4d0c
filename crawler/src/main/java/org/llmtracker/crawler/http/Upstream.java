package org.llmtracker.crawler.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.Cache;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One upstream behind the crawler's one HTTP policy. Every request to GitHub, the Hub, a
 * reference page or a webhook goes through {@link #execute}, which:
 * <ul>
 * <li>waits its turn in the upstream's shared {@link RateWindow} (or throws
 *     {@link RateLimitedException} when the wait is longer than the settings allow);</li>
 * <li>makes each attempt a call of its own with OkHttp's call timeout, so the deadline covers
 *     the body too, and reads the body inside the attempt, capped at the settings' size: a
 *     trickled, truncated or reset body is one failed attempt;</li>
 * <li>retries 5xx answers and transport failures with exponential back-off and jitter;</li>
 * <li>waits out a rate-limit refusal as long as {@code Retry-After} or the window says, and stops
 *     (without waiting) when that is longer than the window's bound, {@code tracker.http.max-retry-after};</li>
 * <li>connects, for a guarded upstream, only to the addresses the {@link HostGuard} vetted;</li>
 * <li>counts every request that reached the network ({@link #meter()}).</li>
 * </ul>
 * What comes back has its body in memory. Redirects are the caller's unless the upstream was
 * built to follow them.
 */
public final class Upstream {

    private static final Logger log = LoggerFactory.getLogger(Upstream.class);

    private final HttpSettings settings;
    private final OkHttpClient client;
    private final RateWindow.Share share;
    private final Map<String, RateWindow.Share> perHost;
    private final Clock clock;
    private final Duration maxRetryAfter;
    private final HostGuard guard;
    private final boolean redactUrls;
    private final RequestMeter meter = new RequestMeter();
    private final Retries retries;
    private final BodyBuffer bodies;

    private Upstream(Builder b) {
        this.settings = b.settings;
        this.clock = b.clock;
        this.maxRetryAfter = b.maxRetryAfter != null ? b.maxRetryAfter : b.settings.maxRateLimitWait();
        this.share = b.share != null ? b.share : ownWindow(b.settings.name());
        this.perHost = b.windowPerHost ? new ConcurrentHashMap<>() : null;
        this.guard = b.guard;
        this.redactUrls = b.redactUrls;
        this.retries = new Retries(settings, b.sleeper);
        this.bodies = new BodyBuffer(settings, b.truncateBodies, redactUrls);
        OkHttpClient.Builder client = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.deadline())
                .followRedirects(b.followRedirects)
                .followSslRedirects(b.followRedirects)
                .addNetworkInterceptor(meter);
        if (b.cache != null) {
            client.cache(b.cache);
        }
        if (guard != null) {
            // A proxy would resolve the host itself, past the guard.
            client.proxy(Proxy.NO_PROXY);
        }
        this.client = client.build();
    }

    public static Builder builder(HttpSettings settings, Sleeper sleeper, Clock clock) {
        return new Builder(settings, sleeper, clock);
    }

    public HttpSettings settings() {
        return settings;
    }

    public RequestMeter meter() {
        return meter;
    }

    /**
     * One request under the policy; the answer's body is in memory (close it anyway).
     *
     * @throws RateLimitedException   when a rate limit asks for a longer wait than allowed
     * @throws UpstreamDownException  when the upstream cannot be reached, or keeps failing request after request
     * @throws UpstreamException      when this request failed for good; the message names it once and says why
     */
    public Response execute(Request request) throws IOException {
        Request prepared = prepare(request);
        String what = prepared.method() + " " + (redactUrls ? redacted(prepared.url()) : shown(prepared.url()));
        RateWindow.Share share = perHost == null ? this.share
                : perHost.computeIfAbsent(prepared.url().host(), host -> ownWindow(settings.name() + " " + host));
        int failures = 0;
        int refusals = 0;
        while (true) {
            awaitTurn(share, what);
            Response response;
            try {
                share.sent();
                response = attempt(prepared);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted during " + what);
                }
                Fault fault = Fault.of(e);
                if (fault == Fault.FINAL) {
                    throw e instanceof UpstreamException u ? u : new UpstreamException(settings.name() + ": " + what
                            + ": " + Fault.describe(e, settings), Fault.describe(e, settings), e);
                }
                if (++failures >= settings.maxAttempts()) {
                    throw retries.gaveUp(what, fault, Fault.describe(e, settings), failures, e);
                }
                retries.backOff(what, failures, Fault.describe(e, settings));
                continue;
            }
            share.window().observe(response);
            if (response.code() >= 500) {
                if (++failures >= settings.maxAttempts()) {
                    throw retries.gaveUp(what, Fault.TRANSIENT, "HTTP " + response.code(), failures, null);
                }
                retries.backOff(what, failures, "HTTP " + response.code());
                continue;
            }
            if (RateLimitHeaders.isLimited(response, response.peekBody(4096).string())) {
                Duration wait = share.window().refused(response);
                Duration bound = share.window().maxBlock();
                if (wait.compareTo(bound) > 0) {
                    // A Retry-After of days: this run stops, and the window opens again after the bound.
                    throw new RateLimitedException("Rate limited at " + what + " (HTTP " + response.code()
                            + "); would have to wait " + wait.toSeconds() + " s, more than the " + bound.toSeconds()
                            + " s honoured (tracker.http.max-retry-after); calls resume within " + bound.toSeconds()
                            + " s", bound, wait);
                }
                if (wait.compareTo(settings.maxRateLimitWait()) > 0 || ++refusals > settings.maxAttempts()) {
                    throw new RateLimitedException("Rate limited at " + what + " (HTTP " + response.code()
                            + "); would have to wait " + wait.toSeconds() + " s", wait);
                }
                log.info("Rate limited at {}; waiting {} s", what, wait.toSeconds());
                retries.sleep(wait);
                share.waited(wait);
                continue;
            }
            retries.succeeded();
            return response;
        }
    }

    /** A URL for errors and logs: whole when short, else its first 160 characters (the Hub's queries go on and on). */
    public static String shown(HttpUrl url) {
        String text = url.toString();
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    /** A URL fit for errors and logs when its path or query is a secret (a Slack webhook): scheme, host and port only. */
    public static String redacted(HttpUrl url) {
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        return url.scheme() + "://" + url.host() + (defaultPort ? "" : ":" + url.port()) + "/...";
    }

    private Request prepare(Request request) {
        Request.Builder b = request.newBuilder();
        if (request.header("User-Agent") == null) {
            b.header("User-Agent", settings.userAgent());
        }
        if (settings.authenticated() && request.header("Authorization") == null) {
            b.header("Authorization", "Bearer " + settings.token());
        }
        return b.build();
    }

    private RateWindow.Share ownWindow(String name) {
        return new RateWindow(name, clock, Duration.ofHours(1), maxRetryAfter).share(0);
    }

    private void awaitTurn(RateWindow.Share share, String what) throws IOException {
        Duration wait = share.waitBeforeNext();
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        if (wait.compareTo(settings.maxRateLimitWait()) > 0) {
            throw new RateLimitedException(settings.name() + " rate limit spent before " + what
                    + "; would have to wait " + wait.toSeconds() + " s", wait);
        }
        log.info("{} rate limit spent; waiting {} s before {}", settings.name(), wait.toSeconds(), what);
        retries.sleep(wait);
        share.waited(wait);
    }

    private Response attempt(Request request) throws IOException {
        OkHttpClient c = guard == null ? client : client.newBuilder().dns(guard.vet(request.url()).dns()).build();
        try (Response response = c.newCall(request).execute()) {
            return bodies.buffered(response, request);
        }
    }

    /** How to build an {@link Upstream}; everything but the settings, sleeper and clock is optional. */
    public static final class Builder {

        private final HttpSettings settings;
        private final Sleeper sleeper;
        private final Clock clock;
        private RateWindow.Share share;
        private HostGuard guard;
        private boolean followRedirects;
        private Cache cache;
        private boolean truncateBodies;
        private boolean redactUrls;
        private boolean windowPerHost;
        private Duration maxRetryAfter;

        private Builder(HttpSettings settings, Sleeper sleeper, Clock clock) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** This upstream's share of a rate window shared with other jobs; default: a window of its own. */
        public Builder share(RateWindow.Share share) {
            this.share = share;
            return this;
        }

        /** Vets every host before connecting, and connects only to the vetted addresses. */
        public Builder guard(HostGuard guard) {
            this.guard = guard;
            return this;
        }

        /** Lets OkHttp follow redirects (GitHub's renamed repositories); default: the caller sees them. */
        public Builder followRedirects() {
            this.followRedirects = true;
            return this;
        }

        public Builder cache(Cache cache) {
            this.cache = cache;
            return this;
        }

        /** Keeps the first {@code maxBodyBytes} of a longer body instead of failing (a page's title is at its top). */
        public Builder truncateLongBodies() {
            this.truncateBodies = true;
            return this;
        }

        /** A rate window per host, for an upstream that is many sites (reference pages): one site's 429 holds up only itself. */
        public Builder windowPerHost() {
            this.windowPerHost = true;
            return this;
        }

        /** Keeps paths and queries out of errors and logs: the URL is a secret (a Slack webhook). */
        public Builder redactUrls() {
            this.redactUrls = true;
            return this;
        }

        /**
         * The longest one answer may block a window this upstream owns ({@code tracker.http.max-retry-after});
         * default: the settings' {@code maxRateLimitWait}. A shared window carries its own bound.
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        public Upstream build() {
            return new Upstream(this);
        }
    }
}
