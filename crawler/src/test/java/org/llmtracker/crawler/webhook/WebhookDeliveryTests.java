package org.llmtracker.crawler.webhook;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.llmtracker.crawler.http.RateLimitedException;
import org.llmtracker.crawler.testing.TestHttp;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

class WebhookDeliveryTests {

    private static final String SECRET = "s3cret";
    private static final byte[] BODY = "{\"text\":\"# digest 2026-W47\\n- *v2.0* \u201cLlama 2\u201d\"}".getBytes(StandardCharsets.UTF_8);

    private final List<Duration> waits = new ArrayList<>();
    @RegisterExtension
    final WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void aServerErrorIsRetriedAndEveryPostIsSignedOverItsRawBody() throws Exception {
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        long requests = delivery(3, "/hook").deliver(BODY);

        assertThat(requests).isEqualTo(2);
        assertThat(waits).hasSize(1);
        List<LoggedRequest> posts = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(posts).hasSize(2).allSatisfy(post -> {
            assertThat(post.getHeader("Content-Type")).startsWith("application/json");
            assertThat(post.getHeader("X-Tracker-Signature")).isEqualTo("sha256=" + hmac(post.getBody()));
            assertThat(post.getBody()).isEqualTo(BODY);
        });
    }

    @Test
    void aRefusalIsNotRetriedAndPersistentErrorsGiveUpAfterTheLastAttempt() {
        receiver.stubFor(post("/refuse").willReturn(aResponse().withStatus(400)));
        receiver.stubFor(post("/down").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> delivery(3, "/refuse").deliver(BODY)).hasMessageContaining("refused")
                .hasMessageContaining("HTTP 400");
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/refuse")))).hasSize(1);

        assertThatThrownBy(() -> delivery(3, "/down").deliver(BODY)).hasMessageContaining("failed 3 times");
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/down")))).hasSize(3);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSaysAndALongerWaitGivesUp() throws Exception {
        receiver.stubFor(post("/busy").inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("free"));
        receiver.stubFor(post("/busy").inScenario("busy").whenScenarioStateIs("free").willReturn(aResponse().withStatus(204)));
        receiver.stubFor(post("/closed").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        delivery(3, "/busy").deliver(BODY);

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        assertThatThrownBy(() -> delivery(3, "/closed").deliver(BODY)).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("3600 s");
    }

    @Test
    void theUrlIsASecretThatNoErrorRepeats() {
        receiver.stubFor(post("/services/T000/B000/XXXXsecret").willReturn(aResponse().withStatus(503)));
        WebhookDelivery delivery = delivery(2, "/services/T000/B000/XXXXsecret");

        assertThat(delivery.redactedUrl()).isEqualTo(receiver.baseUrl() + "/...");
        assertThatThrownBy(() -> delivery.deliver(BODY)).satisfies(e -> {
            assertThat(e.getMessage()).doesNotContain("secret").doesNotContain("services");
            assertThat(e.getCause().getMessage()).doesNotContain("secret");
        });
    }

    private WebhookDelivery delivery(int attempts, String path) {
        return new WebhookDelivery(URI.create(receiver.baseUrl() + path), SECRET,
                TestHttp.settings("webhook", "").withAttempts(attempts, Duration.ofMillis(20)), waits::add,
                Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
    }

    // Computed independently of the delivery, as a receiver would.
    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
