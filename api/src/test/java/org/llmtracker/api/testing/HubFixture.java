package org.llmtracker.api.testing;

import java.util.Map;

import org.llmtracker.crawler.huggingface.testing.FixtureFamily;
import org.llmtracker.crawler.huggingface.testing.HubFixtureServer;
import org.llmtracker.crawler.sweep.testing.MutableHub;
import org.llmtracker.crawler.sweep.testing.RecordedListing;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application's Hugging Face endpoint at a local stand-in for the Hub serving the
 * generated fixture family (see the crawler's test-jar), before the context starts. It plays a
 * mirror whose lists carry {@code childrenModelCount}, so a crawl needs ~20 requests instead of
 * ~300; the crawler's own tests cover the real Hub, which refuses that field on lists. Its
 * whole-Hub listing (the {@code hub-sweep} job's) holds the Llama line's recorded-shape items.
 */
public class HubFixture implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        HubFixtureServer hub = HubFixtureServer.start(FixtureFamily.generate(), true,
                new MutableHub(RecordedListing.read(RecordedListing.LLAMA_LINE)));
        context.getBeanFactory().registerSingleton("hubFixtureServer", hub);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                hub.close();
            }
        });
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("hubFixture", Map.of("tracker.huggingface.api-url", hub.uri().toString())));
    }
}
