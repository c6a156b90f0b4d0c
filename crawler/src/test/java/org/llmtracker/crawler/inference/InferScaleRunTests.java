package org.llmtracker.crawler.inference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link InferScaleCheck} inside the build's test JVM (its {@code -Xmx2g}) when asked, never otherwise:
 * {@code mvn -o -q -pl crawler -am test -Dtest=InferScaleRunTests -Dsurefire.failIfNoSpecifiedTests=false
 * -Dinference.scale="load 1000000 /tmp/infer-1m"}, then {@code -Dinference.scale="infer /tmp/infer-1m"}.
 */
class InferScaleRunTests {

    @Test
    @EnabledIfSystemProperty(named = "inference.scale", matches = ".+")
    void runTheScaleCheck() throws Exception {
        InferScaleCheck.main(System.getProperty("inference.scale").trim().split("\\s+"));
    }
}
