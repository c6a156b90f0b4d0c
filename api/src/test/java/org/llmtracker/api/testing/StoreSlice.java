package org.llmtracker.api.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.llmtracker.api.config.GraphBeans;
import org.llmtracker.api.licenses.LicenseConfiguration;
import org.llmtracker.api.lineage.AncestryBuildGuard;
import org.llmtracker.api.models.ModelIds;
import org.llmtracker.api.web.Rereads;
import org.llmtracker.api.web.SliceSecurity;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.EmbeddedNeo4jExtension;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} slice of a read controller needs besides the controller: the graph's
 * reads and writers, wired as the application wires them ({@link GraphBeans}), over the test
 * JVM's one embedded Neo4j (real storage, not mocks; emptied before each test by
 * {@link EmbeddedNeo4jExtension}), the settings, the security rules, the lineage reads' guard
 * during an ancestry build ({@link AncestryBuildGuard}) and the kept answers' re-read thread
 * ({@link Rereads}) of the application.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({AllSettings.class, GraphBeans.class, LicenseConfiguration.class, ModelIds.class, SliceSecurity.class,
        AncestryBuildGuard.class, Rereads.class})
public class StoreSlice {

    public static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Bean
    Graph graph() {
        return EmbeddedNeo4jExtension.sharedGraph();
    }

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
