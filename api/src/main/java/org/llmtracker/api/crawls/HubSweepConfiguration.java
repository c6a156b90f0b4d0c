package org.llmtracker.api.crawls;

import java.time.Clock;

import org.llmtracker.crawler.http.RateWindow;
import org.llmtracker.crawler.http.Sleeper;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.huggingface.HubListing;
import org.llmtracker.crawler.huggingface.HubSettings;
import org.llmtracker.crawler.sweep.HubSweep;
import org.llmtracker.crawler.sweep.SweepSettings;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.hub.SweepStates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code hub-sweep} job, from {@code tracker.huggingface.sweep.*}: the Hub's whole listing,
 * through the Hub's HTTP policy with its own share of the Hub's one rate window and its own
 * longest wait.
 */
@Configuration(proxyBeanMethods = false)
class HubSweepConfiguration {

    @Bean
    HubSweep hubSweep(HuggingfaceProperties hf, HubSettings hub, RateWindow hubRateWindow, Graph graph, Clock clock) {
        HuggingfaceProperties.Sweep sweep = hf.sweep();
        Upstream http = Upstream.builder(hub.http().withMaxRateLimitWait(sweep.maxWait()), Sleeper.REAL, clock)
                .share(hubRateWindow.share(sweep.maxRequestsPerWindow())).build();
        SweepStates states = new SweepStates(graph, HubSweep.NAME);
        return new HubSweep(new SweepSettings(sweep.pageSize(), sweep.overlap(), sweep.fullPassEvery(),
                sweep.maxModels(), sweep.pageMargin(), hf.maxParents(), sweep.firstFillBelow()), http,
                new HubListing(hub.apiUrl(), sweep.pageSize(), http), new HubListingStore(graph, states), states, clock);
    }
}
