package org.llmtracker.crawler.pages;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.llmtracker.crawler.http.HostGuard;
import org.llmtracker.crawler.run.Job;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.graph.article.ArticleStore;
import org.llmtracker.graph.article.PageFacts;
import org.llmtracker.graph.article.PageLink;

/**
 * The {@code pages} job: title and site of every reference link in the catalogue, stored as
 * {@code :Article} nodes the citing models are {@code DESCRIBED_IN}. Pages fetched recently are
 * skipped. Counts: {@code fetched}, {@code changed}, {@code unchanged}, {@code failed}.
 */
public final class PagesCrawl implements Job {

    private final ArticleStore articles;
    private final PageSettings settings;
    private final PageFetcher fetcher;
    private final Clock clock;

    public PagesCrawl(ArticleStore articles, PageSettings settings, Clock clock) {
        this.articles = articles;
        this.settings = settings;
        this.fetcher = new PageFetcher(settings);
        this.clock = clock;
    }

    @Override
    public String job() {
        return "pages";
    }

    @Override
    public void run(CrawlRecorder recorder) {
        Instant now = clock.instant();
        List<PageFacts> found = new ArrayList<>();
        for (PageLink link : articles.due(now.minus(settings.refreshAfter()))) {
            try {
                found.add(fetcher.fetch(link.url(), recorder::request));
                recorder.count("fetched");
            } catch (IOException | HostGuard.RefusedUrlException | IllegalArgumentException e) {
                recorder.itemFailed(link.url(), e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        long changed = found.isEmpty() ? 0 : articles.record(found, now);
        recorder.add("changed", changed);
        recorder.add("unchanged", found.size() - changed);
    }
}
