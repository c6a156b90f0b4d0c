package org.llmtracker.crawler.http;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts what reached the network (an OkHttp network interceptor): every request, and the
 * quota it cost. GitHub does not charge an authenticated request answered 304 Not Modified.
 */
public final class RequestMeter implements Interceptor {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong quota = new AtomicLong();

    @Override
    public Response intercept(Chain chain) throws IOException {
        requests.incrementAndGet();
        Response response = chain.proceed(chain.request());
        boolean authenticated = chain.request().header("Authorization") != null;
        if (response.code() != 304 || !authenticated) {
            quota.incrementAndGet();
        }
        return response;
    }

    public Reading read() {
        return new Reading(requests.get(), quota.get());
    }

    /** Totals so far; subtract two readings for what happened in between. */
    public record Reading(long requests, long quota) {

        public Reading minus(Reading earlier) {
            return new Reading(requests - earlier.requests, quota - earlier.quota);
        }
    }
}
