package org.llmtracker.api.crawls;

import java.time.Clock;
import java.util.Set;

import org.llmtracker.api.config.TrackerProperties;
import org.llmtracker.crawler.github.GithubCrawl;
import org.llmtracker.crawler.github.GithubSettings;
import org.llmtracker.crawler.http.HttpSettings;
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
    GithubCrawl githubCrawl(Graph graph, TrackerProperties properties, Clock clock) {
        TrackerProperties.Github p = properties.github();
        HttpSettings http = new HttpSettings("GitHub", p.connectTimeout(), p.readTimeout(), p.deadline(),
                p.maxAttempts(), p.retryBaseDelay(), p.maxWait(), (long) p.maxBodyMb() << 20, p.failuresBeforeDown(),
                "llm-tracker", p.token());
        GithubSettings settings = new GithubSettings(p.apiUrl(), p.cacheDir(), p.cacheMaxMb() << 20, http,
                p.maxReleasePages(), p.detailsMaxAge());
        return new GithubCrawl(new RepositoryReads(graph), new RepositoryWriter(graph), new ArticleStore(graph), settings,
                Sleeper.REAL, clock);
    }

    @Bean
    PagesCrawl pagesCrawl(Graph graph, TrackerProperties properties, Clock clock) {
        TrackerProperties.Pages p = properties.pages();
        // Every page is its own host: none of them failing says the others are down (no count in a row).
        HttpSettings http = new HttpSettings("pages", p.timeout(), p.timeout(), p.deadline(), p.maxAttempts(),
                p.retryBaseDelay(), p.deadline(), p.maxBodyKb() * 1024L, 0, p.userAgent(), "");
        PageSettings settings = new PageSettings(http, p.maxRedirects(), Set.copyOf(p.allowedHosts()), p.refreshAfter(),
                p.concurrency());
        return new PagesCrawl(new ArticleStore(graph), settings, Sleeper.REAL, clock);
    }
}
