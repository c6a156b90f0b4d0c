package org.llmtracker.api.digest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.json.JsonMapper;

class WebhookSenderTests {

    private static final String SECRET = "s3cret";

    private final JsonMapper json = JsonMapper.builder().build();
    @RegisterExtension
    final WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void aServerErrorIsRetriedAndEveryPostIsSignedOverItsRawBody() throws Exception {
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        int attempts = sender(3).send("# digest 2026-W47\n- *v2.0* “Llama 2”");

        assertThat(attempts).isEqualTo(2);
        List<LoggedRequest> posts = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(posts).hasSize(2);
        for (LoggedRequest post : posts) {
            assertThat(post.getHeader("Content-Type")).startsWith("application/json");
            assertThat(post.getHeader("X-Tracker-Signature")).isEqualTo("sha256=" + hmac(post.getBody()));
            assertThat(json.readTree(post.getBody()).get("text").asString()).isEqualTo("# digest 2026-W47\n- *v2.0* “Llama 2”");
        }
    }

    @Test
    void aRefusalIsNotRetriedAndPersistentErrorsGiveUpAfterTheLastAttempt() {
        receiver.stubFor(post("/refuse").willReturn(aResponse().withStatus(400)));
        receiver.stubFor(post("/down").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> sender(3, "/refuse").send("x")).hasMessageContaining("refused").hasMessageContaining("HTTP 400");
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/refuse")))).hasSize(1);

        assertThatThrownBy(() -> sender(3, "/down").send("x")).hasMessageContaining("after 3 attempts");
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/down")))).hasSize(3);
    }

    private WebhookSender sender(int attempts) {
        return sender(attempts, "/hook");
    }

    private WebhookSender sender(int attempts, String path) {
        return new WebhookSender(json, URI.create(receiver.baseUrl() + path), SECRET, attempts, Duration.ofMillis(20));
    }

    // Computed independently of the sender, as a receiver would.
    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
