package org.llmtracker.crawler.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.llmtracker.crawler.http.Sleeper;
import org.llmtracker.crawler.http.Upstream;

import okhttp3.Cache;

/**
 * GitHub's {@link Upstream} (the HTTP policy, with a disk cache and OkHttp following the 301 of
 * a renamed repository) and github-api on top of it. github-api's own rate-limit and abuse
 * handlers are set to fail: waiting and giving up is the policy's job. The README fetch uses
 * the same upstream, so the same token, cache and limits.
 */
final class GithubClients {

    private final Upstream upstream;
    private final GitHub github;
    private final DocumentTap tap = new DocumentTap();

    GithubClients(GithubSettings settings, Sleeper sleeper, Clock clock) {
        this.upstream = Upstream.builder(settings.http(), sleeper, clock)
                .cache(new Cache(settings.cacheDir().toFile(), settings.cacheMaxBytes()))
                .followRedirects()
                .build();
        try {
            this.github = new GitHubBuilder()
                    .withEndpoint(settings.base())
                    .withConnector(new GithubConnector(upstream, tap))
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set up the GitHub client for " + settings.apiUrl(), e);
        }
    }

    Upstream upstream() {
        return upstream;
    }

    GitHub github() {
        return github;
    }

    DocumentTap tap() {
        return tap;
    }
}
