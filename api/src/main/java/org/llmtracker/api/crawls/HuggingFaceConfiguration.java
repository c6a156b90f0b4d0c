package org.llmtracker.api.crawls;

import java.time.Clock;

import org.llmtracker.api.config.TrackerProperties;
import org.llmtracker.crawler.http.HttpSettings;
import org.llmtracker.crawler.http.RateWindow;
import org.llmtracker.crawler.http.Sleeper;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.huggingface.HubSettings;
import org.llmtracker.crawler.inference.InferJob;
import org.llmtracker.crawler.inference.InferenceSettings;
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
 * {@code tracker.inference.*}. Every job that calls the Hub takes
 * its share of the one {@link RateWindow} bean and its {@link HttpSettings} from {@link #hubHttp}.
 */
@Configuration(proxyBeanMethods = false)
class HuggingFaceConfiguration {

    @Bean
    HubFamilies hubFamilies(Graph graph) {
        return new HubFamilies(graph);
    }

    /** The Hub's rate limit, shared by every job that calls it. */
    @Bean
    RateWindow hubRateWindow(TrackerProperties properties, Clock clock) {
        return new RateWindow("the Hub", clock, properties.huggingface().rateWindow(),
                properties.http().maxRetryAfter());
    }

    @Bean
    HubSettings hubSettings(TrackerProperties properties) {
        TrackerProperties.Huggingface hf = properties.huggingface();
        TrackerProperties.Huggingface.Discovery discovery = hf.discovery();
        return new HubSettings(hf.apiUrl(), discovery.maxDepth(), discovery.minDownloads(), discovery.maxPerFamily(),
                hf.pageSize(), hubHttp(hf), hf.maxParents());
    }

    static HttpSettings hubHttp(TrackerProperties.Huggingface hf) {
        return new HttpSettings("the Hub", hf.connectTimeout(), hf.readTimeout(), hf.deadline(), hf.maxAttempts(),
                hf.retryBaseDelay(), hf.maxWait(), (long) hf.maxBodyMb() << 20, hf.failuresBeforeDown(), "llm-tracker",
                hf.token());
    }

    @Bean
    HuggingFaceCrawl huggingFaceCrawl(TrackerProperties properties, HubSettings settings, RateWindow hubRateWindow,
            HubFamilies hub, Clock clock) {
        Upstream http = Upstream.builder(settings.http(), Sleeper.REAL, clock)
                .share(hubRateWindow.share(properties.huggingface().maxRequestsPerWindow())).build();
        return new HuggingFaceCrawl(settings, http, hub, clock);
    }

    /** The {@code infer} job: parents for Hub models that declare none, through the same Hub settings, policy and window. */
    @Bean
    InferJob inferJob(TrackerProperties properties, HubSettings settings, RateWindow hubRateWindow, Graph graph,
            LineageWriter lineage, Clock clock) {
        TrackerProperties.Inference p = properties.inference();
        Upstream http = Upstream.builder(settings.http(), Sleeper.REAL, clock).share(hubRateWindow.share(0)).build();
        return new InferJob(settings, new InferenceSettings(p.minConfidence(), p.fineTunes(), p.maxRequests()),
                new InferenceReads(graph), new InferredLinks(graph), lineage, clock, http);
    }
}
