package org.llmtracker.api.external;

import org.llmtracker.crawler.run.Job;
import org.llmtracker.crawler.run.CrawlRecorder;
import org.llmtracker.graph.store.Graph;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A job that writes to the graph, so a test can run a crawl while the store is away. */
@Configuration(proxyBeanMethods = false)
class ProbeCrawlConfiguration {

    @Bean
    Job probeCrawl(Graph graph) {
        return new Job() {
            @Override
            public String job() {
                return "probe";
            }

            @Override
            public void run(CrawlRecorder recorder) {
                graph.write(tx -> tx.run("MERGE (p:Probe {id: 'probe'}) SET p.runs = coalesce(p.runs, 0) + 1").consume());
                recorder.count("written");
            }
        };
    }
}
