package org.llmtracker.api.crawls;

import java.time.Clock;

import org.llmtracker.api.config.HttpProperties;
import org.llmtracker.crawler.http.RateWindow;
import org.llmtracker.crawler.http.Sleeper;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.huggingface.HubSettings;
import org.llmtracker.crawler.inference.InferJob;
import org.llmtracker.crawler.huggingface.HuggingFaceCrawl;
import org.llmtracker.graph.hub.HubFamilies;
import org.llmtracker.graph.inference.InferenceReads;
import org.llmtracker.graph.inference.InferredLinks;
import org.llmtracker.graph.hub.LineageWriter;
import org.llmtracker.graph.store.Graph;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code huggingface} and {@code infer} jobs, from {@code tracker.huggingface.*} and
 * {@code tracker.inference.*}. Every job that calls the Hub takes its share of the one
 * {@link RateWindow} bean and its HTTP settings from {@link HuggingfaceProperties#http}.
 */
@Configuration(proxyBeanMethods = false)
class HuggingFaceConfiguration {

    @Bean
    HubFamilies hubFamilies(Graph graph) {
        return new HubFamilies(graph);
    }

    /** The Hub's rate limit, shared by every job that calls it. */
    @Bean
    RateWindow hubRateWindow(HuggingfaceProperties hf, HttpProperties http, Clock clock) {
        return new RateWindow("the Hub", clock, hf.rateWindow(), http.maxRetryAfter());
    }

    @Bean
    HubSettings hubSettings(HuggingfaceProperties hf, HttpProperties http) {
        HuggingfaceProperties.Discovery discovery = hf.discovery();
        return new HubSettings(hf.apiUrl(), discovery.maxDepth(), discovery.minDownloads(), discovery.maxPerFamily(),
                hf.pageSize(), hf.http(http), hf.maxParents());
    }

    @Bean
    HuggingFaceCrawl huggingFaceCrawl(HuggingfaceProperties hf, HubSettings settings, RateWindow hubRateWindow,
            HubFamilies hub, Clock clock) {
        Upstream http = Upstream.builder(settings.http(), Sleeper.REAL, clock)
                .share(hubRateWindow.share(hf.maxRequestsPerWindow())).build();
        return new HuggingFaceCrawl(settings, http, hub, clock);
    }

    /** The {@code infer} job: parents for Hub models that declare none, through the same Hub settings, policy and window. */
    @Bean
    InferJob inferJob(InferenceProperties inference, HubSettings settings, RateWindow hubRateWindow, Graph graph,
            LineageWriter lineage, Clock clock) {
        Upstream http = Upstream.builder(settings.http(), Sleeper.REAL, clock).share(hubRateWindow.share(0)).build();
        return new InferJob(settings, inference.settings(),
                new InferenceReads(graph), new InferredLinks(graph), lineage, clock, http);
    }
}
