package org.llmtracker.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import org.llmtracker.crawler.testing.GithubMirror;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application's crawlers at local mirrors for the shared test context: a
 * {@link GithubMirror} (a bean tests can stub) as {@code tracker.github.api-url}, with a fresh
 * HTTP cache, and the mirror's 127.0.0.1 port allowed for the pages job.
 */
public final class UpstreamMirrors implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        GithubMirror github = new GithubMirror();
        try {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("upstream-mirrors", Map.of(
                    "tracker.github.api-url", github.url(),
                    "tracker.github.token", "test-github-token",
                    "tracker.github.cache-dir", Files.createTempDirectory("llm-tracker-github-cache").toString(),
                    "tracker.pages.allowed-hosts", "127.0.0.1:" + java.net.URI.create(github.url()).getPort())));
        } catch (IOException e) {
            github.close();
            throw new UncheckedIOException(e);
        }
        context.getBeanFactory().registerSingleton("githubMirror", github);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                github.close();
            }
        });
    }
}
