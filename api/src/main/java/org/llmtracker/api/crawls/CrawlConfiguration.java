package org.llmtracker.api.crawls;

import java.time.Clock;

import org.llmtracker.crawler.run.Job;
import org.llmtracker.crawler.run.CrawlRunner;
import org.llmtracker.graph.run.CrawlRunStore;
import org.llmtracker.graph.store.Graph;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every {@link Job} bean becomes a job that the schedule and {@code POST /api/crawls/{job}} can run. */
@Configuration(proxyBeanMethods = false)
class CrawlConfiguration {

    @Bean
    CrawlRunStore crawlRunStore(Graph graph) {
        return new CrawlRunStore(graph);
    }

    @Bean
    CrawlRunner crawlRunner(ObjectProvider<Job> crawls, CrawlRunStore store, Clock clock,
            RunsProperties runs) {
        return new CrawlRunner(crawls.orderedStream().toList(), store, clock, runs::deadlineOf);
    }
}
