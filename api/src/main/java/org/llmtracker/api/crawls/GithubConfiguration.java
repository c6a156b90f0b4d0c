package org.llmtracker.api.crawls;

import java.time.Clock;
import java.util.Set;

import org.llmtracker.api.config.HttpProperties;
import org.llmtracker.crawler.github.GithubCrawl;
import org.llmtracker.crawler.github.GithubSettings;
import org.llmtracker.crawler.http.Sleeper;
import org.llmtracker.crawler.pages.PageSettings;
import org.llmtracker.crawler.pages.PagesCrawl;
import org.llmtracker.graph.article.ArticleStore;
import org.llmtracker.graph.repository.RepositoryReads;
import org.llmtracker.graph.repository.RepositoryWriter;
import org.llmtracker.graph.store.Graph;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code github} and {@code pages} jobs, run by the schedule or {@code POST /api/crawls/{job}}. */
@Configuration(proxyBeanMethods = false)
class GithubConfiguration {

    @Bean
    GithubCrawl githubCrawl(Graph graph, GithubProperties p, HttpProperties http, Clock clock) {
        GithubSettings settings = new GithubSettings(p.apiUrl(), p.cacheDir(), p.cacheMaxMb() << 20, p.http(http),
                p.maxReleasePages(), p.detailsMaxAge());
        return new GithubCrawl(new RepositoryReads(graph), new RepositoryWriter(graph), new ArticleStore(graph), settings,
                Sleeper.REAL, clock);
    }

    @Bean
    PagesCrawl pagesCrawl(Graph graph, PagesProperties p, HttpProperties http, Clock clock) {
        PageSettings settings = new PageSettings(p.http(http), p.maxRedirects(), Set.copyOf(p.allowedHosts()), p.refreshAfter(),
                p.concurrency());
        return new PagesCrawl(new ArticleStore(graph), settings, Sleeper.REAL, clock);
    }
}
