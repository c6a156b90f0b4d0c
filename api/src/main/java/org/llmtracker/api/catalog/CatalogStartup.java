package org.llmtracker.api.catalog;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.llmtracker.crawler.catalog.CatalogLoader;
import org.llmtracker.graph.catalog.CatalogEntry;
import org.llmtracker.graph.catalog.CatalogWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Loads the catalogue at start, before the application reports itself healthy. A catalogue
 * that does not validate stops the start with a message naming the entry and field: nothing
 * of it reaches the graph.
 */
@Component("catalog")
public class CatalogStartup implements ApplicationRunner, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CatalogStartup.class);

    private final CatalogLoader loader;
    private final CatalogWriter writer;
    private final CatalogProperties properties;
    private final Clock clock;
    private volatile CatalogWriter.LoadSummary loaded;

    CatalogStartup(CatalogLoader loader, CatalogWriter writer, CatalogProperties properties, Clock clock) {
        this.loader = loader;
        this.writer = writer;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.loadAtStart()) {
            log.info("Catalogue not loaded at start (tracker.catalog.load-at-start=false): the store is left as it is");
            return;
        }
        reload();
    }

    /** Reads and applies the configured catalogue file; throws CatalogException, untouched graph, when it is invalid. */
    public CatalogWriter.LoadSummary reload() {
        String location = properties.location();
        List<CatalogEntry> entries = location == null || location.isBlank()
                ? loader.loadShipped()
                : loader.load(Path.of(location));
        CatalogWriter.LoadSummary summary = writer.applyFile(entries, clock.instant());
        log.info("Catalogue {}: {} entries, {} written, {} unchanged, {} marked removed {}",
                location == null || location.isBlank() ? "(shipped)" : location, summary.entries(), summary.written(),
                summary.unchanged(), summary.markedRemoved().size(), summary.markedRemoved());
        loaded = summary;
        return summary;
    }

    @Override
    public Health health() {
        CatalogWriter.LoadSummary summary = loaded;
        if (summary == null && !properties.loadAtStart()) {
            return Health.up().withDetail("catalog", "not loaded at start").build();
        }
        return summary == null
                ? Health.down().withDetail("catalog", "not loaded yet").build()
                : Health.up().withDetail("entries", summary.entries()).build();
    }
}
