package org.llmtracker.api.site;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.llmtracker.api.testing.Chromium;
import org.llmtracker.api.testing.Tab;
import org.llmtracker.graph.store.Graph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import com.microsoft.playwright.Locator;

/**
 * How long the family graph of the biggest family takes to fetch and draw in Chromium, against
 * a store written by the benchmark's generator (bench's {@code StoreMain}). Prints, asserts no
 * timing; not part of the suite. See docs/web-page.md, "At Hub scale".
 */
@EnabledIfSystemProperty(named = "tracker.report.store", matches = ".+",
        disabledReason = "a report: give -Dtracker.report.store=DIR, a store written by bench's StoreMain")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.neo4j.data-dir=${tracker.report.store}",
        "tracker.neo4j.bolt-port=0",
        "tracker.neo4j.page-cache-mb=512",
        "tracker.schedule.enabled=false"})
class GraphDrawReport {

    @Autowired
    Graph graph;
    @Value("${local.server.port}")
    int port;

    @Test
    void drawTheBiggestFamily() {
        String root = graph.read(tx -> tx.run("""
                MATCH (m:Model) WITH m ORDER BY COUNT { (m)<-[:DESCENDS_FROM]-() } DESC LIMIT 1
                RETURN m.id AS id, COUNT { (m)<-[:DESCENDS_FROM]-() } AS family
                """).single()).get("id").asString();
        try (Chromium chromium = Chromium.launchOrSkip()) {
            for (String query : List.of("", "?graphNodes=1000", "?graphNodes=2000", "?graphDepth=6&graphNodes=2000")) {
                for (int run = 1; run <= 3; run++) {
                    try (Tab tab = chromium.open("http://127.0.0.1:" + port, 1280, 900)) {
                        tab.page().navigate(new SiteLinks().model(root) + query);
                        Locator drawn = tab.page().locator("#lineage-graph");
                        assertThat(drawn).hasAttribute("data-total-ms", Pattern.compile("\\d+"),
                                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
                        System.out.printf("%s%s run %d: %s nodes, JSON fetched in %s ms, drawn in %s ms, %s ms in all; %s%n",
                                root, query, run, drawn.getAttribute("data-nodes"), drawn.getAttribute("data-fetch-ms"),
                                drawn.getAttribute("data-draw-ms"), drawn.getAttribute("data-total-ms"),
                                tab.page().locator("#graph-status").textContent());
                        tab.assertClean();
                    }
                }
            }
        }
    }
}
