package org.llmtracker.crawler.huggingface.testing;

/** The recorded Hub answers copied into test resources (see huggingface/SOURCE.md). */
public final class Recorded {

    private Recorded() {
    }

    public static String body(String file) {
        return HubBodies.resource("/huggingface/" + file);
    }
}
