package org.llmtracker.crawler.github;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;
import org.llmtracker.crawler.http.RateLimitedException;
import org.llmtracker.crawler.http.RequestMeter;
import org.llmtracker.crawler.http.Sleeper;
import org.llmtracker.crawler.http.UpstreamDownException;
import org.llmtracker.crawler.http.UpstreamException;
import org.llmtracker.crawler.run.Job;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.graph.article.ArticleStore;
import org.llmtracker.graph.article.ReadmeFacts;
import org.llmtracker.graph.repository.CrawlTarget;
import org.llmtracker.graph.repository.ReleaseFacts;
import org.llmtracker.graph.repository.RepositoryReads;
import org.llmtracker.graph.repository.RepositoryWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code github} job: figures, releases and README links of every catalogued repository,
 * least recently crawled first. An unchanged repository costs one revalidated request; its
 * releases and README are read again only after a push or once {@code detailsMaxAge} has passed.
 * A rate limit that would need a long wait ends the run PARTIAL; the next run starts with the
 * repositories this one did not reach. An unreachable GitHub ends the run at once, FAILED
 * when no repository was done before.
 *
 * <p>Counts: {@code fetched}, {@code unchanged}, {@code changed}, {@code failed}, {@code gone},
 * {@code renamed}, {@code quotaUsed}.
 */
public final class GithubCrawl implements Job {

    private static final Logger log = LoggerFactory.getLogger(GithubCrawl.class);

    private final RepositoryReads reads;
    private final RepositoryWriter writer;
    private final ArticleStore articles;
    private final GithubSettings settings;
    private final Clock clock;
    private final GithubClients clients;
    private final RepositoryFetcher fetcher;

    public GithubCrawl(RepositoryReads reads, RepositoryWriter writer, ArticleStore articles, GithubSettings settings,
            Sleeper sleeper, Clock clock) {
        this.reads = reads;
        this.writer = writer;
        this.articles = articles;
        this.settings = settings;
        this.clock = clock;
        this.clients = new GithubClients(settings, sleeper, clock);
        this.fetcher = new RepositoryFetcher(clients, settings);
    }

    @Override
    public String job() {
        return "github";
    }

    @Override
    public void run(CrawlRecorder recorder) {
        run(recorder, (repository, cost) -> {
        });
    }

    /** As {@link #run(CrawlRecorder)}, reporting the requests and quota each repository cost. */
    public void run(CrawlRecorder recorder, BiConsumer<String, RequestMeter.Reading> costs) {
        List<CrawlTarget> targets = reads.targets();
        log.info("GitHub crawl of {} repositories at {}", targets.size(), settings.apiUrl());
        for (int i = 0; i < targets.size(); i++) {
            if (recorder.overDeadline()) {
                break;
            }
            CrawlTarget target = targets.get(i);
            RequestMeter.Reading before = clients.upstream().meter().read();
            try {
                crawl(target, recorder);
                recorder.itemDone();
            } catch (IOException | RuntimeException e) {
                RateLimitedException limited = RateLimitedException.find(e);
                UpstreamDownException down = UpstreamException.find(e, UpstreamDownException.class);
                if (limited != null || down != null) {
                    String left = (targets.size() - i) + " repositories left for the next run, starting with "
                            + target.name();
                    if (limited != null) {
                        recorder.stopEarly(limited.getMessage() + "; " + left);
                    } else {
                        recorder.abort(down.getMessage() + "; " + left);
                    }
                    account(recorder, costs, target, before);
                    return;
                }
                recorder.itemFailed(target.name(), describe(e));
            }
            account(recorder, costs, target, before);
        }
    }

    private void crawl(CrawlTarget target, CrawlRecorder recorder) throws IOException {
        Instant now = clock.instant();
        RepositoryFetcher.Fetched fetched;
        try {
            fetched = fetcher.repository(target);
        } catch (GHFileNotFoundException e) {
            writer.markGone(target.fullName(), now);
            recorder.count("gone");
            return;
        }
        recorder.count("fetched");
        boolean renamed = !fetched.facts().fullName().equals(target.fullName());
        boolean detailsDue = renamed || target.detailsCheckedAt() == null
                || !Objects.equals(target.pushedAt(), fetched.facts().pushedAt())
                || target.detailsCheckedAt().plus(settings.detailsMaxAge()).isBefore(now);
        if (fetched.notModified() && !detailsDue) {
            writer.touch(target.fullName(), now);
            recorder.count("unchanged");
            return;
        }
        List<ReleaseFacts> releases = detailsDue ? fetcher.releases(fetched.repo()) : null;
        ReadmeFacts readme = detailsDue ? fetcher.readme(fetched.repo()) : null;
        if (renamed) {
            log.info("{} is now {}", target.name(), fetched.facts().name());
            writer.rename(target.fullName(), fetched.facts().name(), now);
            recorder.count("renamed");
        }
        boolean changed = writer.recordFacts(fetched.facts(), now);
        if (releases != null) {
            writer.recordReleases(fetched.facts().fullName(), releases, now);
            articles.recordReadme(fetched.facts().fullName(), readme, now);
        }
        recorder.count(changed || renamed ? "changed" : "unchanged");
    }

    private void account(CrawlRecorder recorder, BiConsumer<String, RequestMeter.Reading> costs,
            CrawlTarget target, RequestMeter.Reading before) {
        RequestMeter.Reading spent = clients.upstream().meter().read().minus(before);
        recorder.addRequests(spent.requests());
        recorder.add("quotaUsed", spent.quota());
        costs.accept(target.name(), spent);
    }

    // github-api wraps our own errors in "HTTP response code: -1, message: 'null'"; say what happened instead.
    static String describe(Throwable e) {
        String message;
        com.fasterxml.jackson.core.JsonProcessingException json = UpstreamException.find(e,
                com.fasterxml.jackson.core.JsonProcessingException.class);
        HttpException http = UpstreamException.find(e, HttpException.class);
        if (UpstreamException.find(e, UpstreamException.class) != null) {
            message = UpstreamException.describe(e);
        } else if (json != null) {
            message = "malformed JSON from GitHub: " + json.getOriginalMessage();
        } else if (http != null && http.getResponseCode() > 0) {
            message = "GitHub answered HTTP " + http.getResponseCode() + " for " + http.getUrl();
        } else {
            message = UpstreamException.describe(e);
        }
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
