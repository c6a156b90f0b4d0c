package org.llmtracker.crawler.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.extras.okhttp3.OkHttpGitHubConnector;
import org.llmtracker.crawler.http.PolicyInterceptor;
import org.llmtracker.crawler.http.RequestMeter;
import org.llmtracker.crawler.http.Sleeper;

import okhttp3.Cache;
import okhttp3.OkHttpClient;

/**
 * One OkHttp client with a disk cache under github-api. The connector asks for
 * {@code Cache-Control: max-age=0}, so every cached resource is revalidated with
 * {@code If-None-Match}; a 304 costs no quota when authenticated. github-api's own rate-limit
 * and abuse handlers are set to fail: waiting and giving up is {@link PolicyInterceptor}'s job.
 */
final class GithubClients {

    private final OkHttpClient http;
    private final GitHub github;
    private final RequestMeter meter = new RequestMeter();
    private final DocumentTap tap = new DocumentTap();

    GithubClients(GithubSettings settings, Sleeper sleeper, Clock clock) {
        this.http = new OkHttpClient.Builder()
                .cache(new Cache(settings.cacheDir().toFile(), settings.cacheMaxBytes()))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .addInterceptor(tap)
                .addInterceptor(new PolicyInterceptor(settings.retry(), sleeper, clock))
                .addNetworkInterceptor(meter)
                .build();
        try {
            GitHubBuilder builder = new GitHubBuilder()
                    .withEndpoint(settings.base())
                    .withConnector(new OkHttpGitHubConnector(http))
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL);
            if (settings.authenticated()) {
                // A plain provider, not withOAuthToken: that one looks the user up with GET /user first.
                String authorization = "token " + settings.token();
                builder.withAuthorizationProvider(() -> authorization);
            }
            this.github = builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set up the GitHub client for " + settings.apiUrl(), e);
        }
    }

    OkHttpClient http() {
        return http;
    }

    GitHub github() {
        return github;
    }

    RequestMeter meter() {
        return meter;
    }

    DocumentTap tap() {
        return tap;
    }
}
