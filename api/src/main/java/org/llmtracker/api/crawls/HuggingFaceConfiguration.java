package org.llmtracker.api.crawls;

import java.time.Clock;

import org.llmtracker.api.config.TrackerProperties;
import org.llmtracker.crawler.huggingface.HubSettings;
import org.llmtracker.crawler.huggingface.HuggingFaceCrawl;
import org.llmtracker.crawler.huggingface.Sleeper;
import org.llmtracker.graph.lineage.HubFamilies;
import org.llmtracker.graph.lineage.LineageConflicts;
import org.llmtracker.graph.store.Graph;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code huggingface} job, from {@code tracker.huggingface.*}, and the lineage-conflict read. */
@Configuration(proxyBeanMethods = false)
class HuggingFaceConfiguration {

    @Bean
    HubFamilies hubFamilies(Graph graph) {
        return new HubFamilies(graph);
    }

    @Bean
    LineageConflicts lineageConflicts(Graph graph) {
        return new LineageConflicts(graph);
    }

    @Bean
    HuggingFaceCrawl huggingFaceCrawl(TrackerProperties properties, HubFamilies hub, Clock clock) {
        TrackerProperties.Huggingface hf = properties.huggingface();
        TrackerProperties.Huggingface.Discovery discovery = hf.discovery();
        HubSettings settings = HubSettings.of(hf.apiUrl(), hf.token(), discovery.maxDepth(), discovery.minDownloads(),
                discovery.maxPerFamily());
        return new HuggingFaceCrawl(settings, hub, clock, Sleeper.real());
    }
}
