package org.llmtracker.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.llmtracker.api.crawls.GithubProperties;
import org.llmtracker.api.crawls.HuggingfaceProperties;
import org.llmtracker.crawler.http.HttpSettings;

/** GitHub's and the Hub's HTTP settings: their own keys over the shared ones, a connect timeout left unset kept shared. */
class HttpPropertiesTests {

    private final HttpProperties shared = new HttpProperties("tracker-test/1", Duration.ofSeconds(7), Duration.ofMinutes(15));

    @Test
    void gitHubsSettingsAreItsKeysOverTheSharedOnes() {
        GithubProperties github = new GithubProperties(URI.create("https://api.github.com"), "ghp_x", Path.of("cache"), 50,
                null, Duration.ofSeconds(30), Duration.ofSeconds(60), 4, Duration.ofSeconds(1), Duration.ofSeconds(60), 10, 3, 3,
                Duration.ofDays(7));

        HttpSettings http = github.http(shared);

        assertThat(http).isEqualTo(new HttpSettings("GitHub", Duration.ofSeconds(7), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 4, Duration.ofSeconds(1), Duration.ofSeconds(60), 10L << 20, 3, "tracker-test/1", "ghp_x"));
    }

    @Test
    void theHubsOwnConnectTimeoutWinsOverTheSharedOne() {
        HuggingfaceProperties hub = new HuggingfaceProperties(URI.create("https://huggingface.co"), "hf_x",
                new HuggingfaceProperties.Discovery(3, 100, 2000), Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 5, Duration.ofSeconds(1), Duration.ofMinutes(5), 20, 3, 100, Duration.ofMinutes(5), 0,
                null, 64);

        HttpSettings http = hub.http(shared);

        assertThat(http).isEqualTo(new HttpSettings("the Hub", Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 5, Duration.ofSeconds(1), Duration.ofMinutes(5), 20L << 20, 3, "tracker-test/1", "hf_x"));
    }
}
