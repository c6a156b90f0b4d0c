package org.llmtracker.api.crawls;

import java.time.Clock;

import org.llmtracker.api.config.TrackerProperties;
import org.llmtracker.crawler.huggingface.HubSettings;
import org.llmtracker.crawler.inference.InferJob;
import org.llmtracker.crawler.inference.InferenceSettings;
import org.llmtracker.crawler.huggingface.HuggingFaceCrawl;
import org.llmtracker.crawler.huggingface.Sleeper;
import org.llmtracker.graph.lineage.HubFamilies;
import org.llmtracker.graph.lineage.InferenceReads;
import org.llmtracker.graph.lineage.InferredLinks;
import org.llmtracker.graph.lineage.LineageConflicts;
import org.llmtracker.graph.lineage.LineageWriter;
import org.llmtracker.graph.store.Graph;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code huggingface} and {@code infer} jobs, from {@code tracker.huggingface.*} and {@code tracker.inference.*}, and the lineage-conflict read. */
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

    /** The {@code infer} job: parents for Hub models that declare none, through the same Hub settings and policy. */
    @Bean
    InferJob inferJob(TrackerProperties properties, Graph graph, LineageWriter lineage, Clock clock) {
        TrackerProperties.Inference p = properties.inference();
        return new InferJob(hubSettings(properties), new InferenceSettings(p.minConfidence(), p.fineTunes(), p.maxRequests()),
                new InferenceReads(graph), new InferredLinks(graph), lineage, clock, Sleeper.real());
    }

    private static HubSettings hubSettings(TrackerProperties properties) {
        TrackerProperties.Huggingface hf = properties.huggingface();
        TrackerProperties.Huggingface.Discovery discovery = hf.discovery();
        return HubSettings.of(hf.apiUrl(), hf.token(), discovery.maxDepth(), discovery.minDownloads(), discovery.maxPerFamily());
    }

    @Bean
    HuggingFaceCrawl huggingFaceCrawl(TrackerProperties properties, HubFamilies hub, Clock clock) {
        return new HuggingFaceCrawl(hubSettings(properties), hub, clock, Sleeper.real());
    }
}
