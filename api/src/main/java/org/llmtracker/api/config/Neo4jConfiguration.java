package org.llmtracker.api.config;

import java.net.URI;
import java.net.URISyntaxException;

import org.llmtracker.graph.ancestry.Ancestry;
import org.llmtracker.graph.store.BoltAccess;
import org.llmtracker.graph.store.EmbeddedNeo4j;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.store.Schema;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the graph lives. In embedded mode a Neo4j starts inside this process and the
 * {@link Graph} runs Cypher in-process; Spring Boot's driver still connects to it over Bolt,
 * for the health check. In external mode the Graph uses Boot's driver, connected to
 * {@code spring.neo4j.uri}. Either way the rest of the application sees one Graph.
 */
@Configuration(proxyBeanMethods = false)
class Neo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(Neo4jConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "tracker.neo4j.mode", havingValue = "embedded", matchIfMissing = true)
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedNeo4j embeddedNeo4j(Neo4jProperties neo4j) {
            return EmbeddedNeo4j.start(neo4j.dataDir(), new BoltAccess(neo4j.boltAddress(), neo4j.boltPort(), neo4j.boltPassword()),
                    neo4j.pageCacheMb());
        }

        @Bean
        Neo4jConnectionDetails neo4jConnectionDetails(EmbeddedNeo4j embedded, Neo4jProperties neo4j) {
            String password = neo4j.boltPassword();
            return new Neo4jConnectionDetails() {
                @Override
                public URI getUri() {
                    return embedded.boltUri();
                }

                @Override
                public AuthToken getAuthToken() {
                    return password == null || password.isBlank() ? AuthTokens.none() : AuthTokens.basic("neo4j", password);
                }
            };
        }
    }

    @Bean
    Graph graph(Driver driver, Neo4jConnectionDetails connection, Neo4jProperties neo4j,
            ObjectProvider<EmbeddedNeo4j> embedded) {
        Graph graph;
        if (neo4j.mode() == Neo4jProperties.Mode.EMBEDDED) {
            graph = Graph.inProcess(embedded.getObject(), neo4j.database());
            log.info("Graph store: embedded Neo4j, data in {}, queries {}; Bolt for tools at {}",
                    neo4j.dataDir().toAbsolutePath().normalize(), graph, connection.getUri());
        } else {
            graph = Graph.overBolt(driver, neo4j.database());
            String database = neo4j.database().isBlank() ? "the server's default" : "'" + neo4j.database() + "'";
            log.info("Graph store: external Neo4j at {}, database {}", withoutUserInfo(connection.getUri()), database);
        }
        Schema.apply(graph);
        Ancestry.ensure(graph);
        return graph;
    }

    // A URI may carry user:password; the start-up log must not.
    static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid Neo4j URI: " + uri.getScheme() + "://" + uri.getHost(), e);
        }
    }
}
