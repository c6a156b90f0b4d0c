package org.llmtracker.api.config;

import org.llmtracker.graph.catalog.CatalogWriter;
import org.llmtracker.graph.history.HistoryQueries;
import org.llmtracker.graph.lineage.FamilyQueries;
import org.llmtracker.graph.lineage.LineageConflicts;
import org.llmtracker.graph.lineage.LineageQueries;
import org.llmtracker.graph.hub.LineageWriter;
import org.llmtracker.graph.model.ModelQueries;
import org.llmtracker.graph.store.Graph;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The graph's reads and writers the API serves, over whichever {@link Graph} the application
 * has ({@link Neo4jConfiguration}); controller slice tests import the same wiring over theirs.
 */
@Configuration(proxyBeanMethods = false)
public class GraphBeans {

    @Bean
    ModelQueries modelQueries(Graph graph) {
        return new ModelQueries(graph);
    }

    @Bean
    LineageQueries lineageQueries(Graph graph) {
        return new LineageQueries(graph);
    }

    @Bean
    FamilyQueries familyQueries(Graph graph) {
        return new FamilyQueries(graph);
    }

    @Bean
    HistoryQueries historyQueries(Graph graph) {
        return new HistoryQueries(graph);
    }

    @Bean
    LineageConflicts lineageConflicts(Graph graph) {
        return new LineageConflicts(graph);
    }

    @Bean
    LineageWriter lineageWriter(Graph graph) {
        return new LineageWriter(graph);
    }

    @Bean
    CatalogWriter catalogWriter(Graph graph) {
        return new CatalogWriter(graph);
    }
}
