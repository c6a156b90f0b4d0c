package org.llmtracker.crawler.pages;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.llmtracker.crawler.http.HostGuard;
import org.llmtracker.crawler.http.RequestMeter;
import org.llmtracker.crawler.http.Sleeper;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.http.UpstreamException;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.crawler.run.Job;
import org.llmtracker.graph.article.ArticleStore;
import org.llmtracker.graph.article.PageFacts;
import org.llmtracker.graph.article.PageLink;
import org.llmtracker.graph.store.GraphException;
import org.llmtracker.graph.store.GraphUnavailableException;

/**
 * The {@code pages} job: title and site of every reference link in the catalogue, stored as
 * {@code :Article} nodes the citing models are {@code DESCRIBED_IN}. Pages fetched recently are
 * skipped. Each page is stored as soon as it is read, in its own transaction, so a page that
 * cannot be fetched or stored fails alone and every page before it is kept.
 * Counts: {@code fetched}, {@code changed}, {@code unchanged}, {@code failed}.
 */
public final class PagesCrawl implements Job {

    private final ArticleStore articles;
    private final PageSettings settings;
    private final Upstream upstream;
    private final PageFetcher fetcher;
    private final Clock clock;

    public PagesCrawl(ArticleStore articles, PageSettings settings, Sleeper sleeper, Clock clock) {
        this.articles = articles;
        this.settings = settings;
        this.upstream = Upstream.builder(settings.http(), sleeper, clock).guard(new HostGuard(settings.allowedHosts()))
                .windowPerHost().truncateLongBodies().build();
        this.fetcher = new PageFetcher(settings, upstream);
        this.clock = clock;
    }

    @Override
    public String job() {
        return "pages";
    }

    @Override
    public void run(CrawlRecorder recorder) {
        Instant now = clock.instant();
        RequestMeter.Reading before = upstream.meter().read();
        long changed = 0;
        long unchanged = 0;
        try {
            for (PageLink link : articles.due(now.minus(settings.refreshAfter()))) {
                PageFacts facts;
                try {
                    facts = fetcher.fetch(link.url());
                    recorder.count("fetched");
                } catch (IOException | IllegalArgumentException e) {
                    recorder.itemFailed(link.url(), UpstreamException.describe(e));
                    continue;
                }
                try {
                    long one = articles.record(List.of(facts), now);
                    changed += one;
                    unchanged += 1 - one;
                    recorder.itemDone();
                } catch (GraphUnavailableException e) {
                    throw e;
                } catch (GraphException | org.neo4j.driver.exceptions.Neo4jException e) {
                    recorder.itemFailed(link.url(), "not stored: " + e.getMessage());
                }
            }
        } finally {
            recorder.add("changed", changed);
            recorder.add("unchanged", unchanged);
            recorder.addRequests(upstream.meter().read().minus(before).requests());
        }
    }
}
