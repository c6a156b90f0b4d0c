package org.llmtracker.crawler.pages;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 * skipped. Pages are fetched {@code concurrency} at a time; each is stored as soon as it is read, in its own transaction, so a page that
 * cannot be fetched or stored fails alone and every page before it is kept.
 * Counts: {@code fetched}, {@code changed}, {@code unchanged}, {@code failed}.
 */
public final class PagesCrawl implements Job {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PagesCrawl.class);

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
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread thread = new Thread(r, "pages-fetch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<PageLink> due = articles.due(now.minus(settings.refreshAfter()));
            // Fetched at most `concurrency` at a time, stored one by one on this thread as they arrive.
            CompletionService<Fetched> fetched = new ExecutorCompletionService<>(pool);
            due.forEach(link -> fetched.submit(() -> fetch(link)));
            for (int i = 0; i < due.size(); i++) {
                if (recorder.overDeadline()) {
                    break;
                }
                Fetched result = take(fetched);
                PageLink link = result.link();
                PageFacts facts = result.facts();
                if (facts == null) {
                    recorder.itemFailed(link.url(), UpstreamException.describe(result.error()));
                    continue;
                }
                recorder.count("fetched");
                try {
                    long one = articles.record(List.of(facts), now);
                    changed += one;
                    unchanged += 1 - one;
                    recorder.itemDone();
                } catch (GraphUnavailableException e) {
                    throw e;
                } catch (GraphException | org.neo4j.driver.exceptions.Neo4jException e) {
                    // The store's own words quote values and queries; they go to the log, not the public run.
                    log.warn("Page {} not stored", link.url(), e);
                    recorder.itemFailed(link.url(), "not stored: the graph store refused it (" + e.getClass().getSimpleName()
                            + ")");
                }
            }
        } finally {
            pool.shutdownNow();
            recorder.add("changed", changed);
            recorder.add("unchanged", unchanged);
            recorder.addRequests(upstream.meter().read().minus(before).requests());
        }
    }

    private Fetched fetch(PageLink link) {
        try {
            return new Fetched(link, fetcher.fetch(link.url()), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Fetched(link, null, e);
        }
    }

    private static Fetched take(CompletionService<Fetched> fetched) {
        try {
            return fetched.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching pages", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a page fetch broke: " + e.getCause(), e.getCause());
        }
    }

    /** A page's facts, or why it could not be read. */
    private record Fetched(PageLink link, PageFacts facts, Exception error) {
    }
}
