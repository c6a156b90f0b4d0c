package org.llmtracker.api.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, with an embedded Neo4j in a fresh folder. Every
 * class with this annotation shares one application context (and so one Neo4j) per test JVM:
 * add properties here, not on test classes, or each class starts its own. Tests take an
 * {@link Http} client for the running server by autowiring it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = {HubFixture.class, UpstreamMirrors.class})
@Import(Http.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tracker.neo4j.data-dir=target/test-neo4j/${random.uuid}",
        "tracker.neo4j.bolt-port=0",
        "tracker.neo4j.page-cache-mb=64",
        "tracker.admin.token=" + ApiTest.ADMIN_TOKEN,
        "tracker.schedule.enabled=false",
        "tracker.clock.fixed=2026-11-23T08:00:00Z",
        "tracker.digest.output-dir=target/test-digests/${random.uuid}"})
public @interface ApiTest {

    String ADMIN_TOKEN = "test-admin-token";
}
