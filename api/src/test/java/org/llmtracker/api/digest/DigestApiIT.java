package org.llmtracker.api.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.api.web.ApiProperties;
import org.llmtracker.api.testing.ApiTest;
import org.llmtracker.api.testing.Http;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.DigestWeekFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;

@ApiTest
class DigestApiIT {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired
    Graph graph;

    @Autowired
    Http http;

    @Autowired
    DigestProperties digestProperties;

    @Autowired
    ApiProperties apiProperties;

    private final DigestWeekFixture fixture = new DigestWeekFixture("digest-api-");

    @BeforeEach
    void writeAWeekOfCrawls() {
        fixture.writeTo(graph);
    }

    @AfterEach
    void removeIt() {
        fixture.removeFrom(graph);
    }

    @Test
    void theDigestJobBuildsTheLastCompleteWeekAndEveryFormatNamesTheSameItems() throws Exception {
        Http.Response run = http.post("/api/crawls/digest?wait=true", ApiTest.ADMIN_TOKEN);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().get("status").asString()).isEqualTo("SUCCEEDED");

        JsonNode json = http.get("/api/digests/" + DigestWeekFixture.WEEK).json();
        assertThat(json.get("week").asString()).isEqualTo("2026-W47");
        assertThat(texts(json.get("releases").get("items"), "tag")).containsExactly("v2.0", "v1.1-rc1");
        assertThat(texts(json.get("starMovers").get("items"), "id")).containsExactly(fixture.id("facebookresearch/llama"),
                fixture.id("lm-sys/fastchat"), fixture.id("tatsu-lab/stanford_alpaca"));
        assertThat(json.get("starMovers").get("items").get(0).get("delta").asLong()).isEqualTo(500);
        List<String> derivatives = new ArrayList<>();
        json.get("derivatives").get("items").forEach(g -> derivatives.addAll(texts(g.get("top"), "name")));
        // the largest group first: LLaMA's two quantizations, then its adapter and its fine-tune
        assertThat(derivatives).containsExactly("other/llama-q4", "thebloke/llama-7b-gguf", "someone/llama-lora", "Vicuna");
        assertThat(json.get("derivatives").get("total").asLong()).isEqualTo(3);
        assertThat(json.get("newModels").get("total").asLong()).isEqualTo(json.get("counts").get("firstSeen").asLong());
        // the whole list behind a section, a page at a time
        JsonNode below = http.get("/api/digests/" + DigestWeekFixture.WEEK + "/new-models?family="
                + fixture.id("llama") + "&relation=QUANTIZED&size=1").json();
        assertThat(below.get("total").asLong()).isEqualTo(2);
        assertThat(texts(below.get("items"), "name")).containsExactly("other/llama-q4");
        assertThat(http.get("/api/digests/" + DigestWeekFixture.WEEK + "/new-models?relation=SIDEWAYS").status()).isEqualTo(400);
        assertThat(http.get("/api/digests/" + DigestWeekFixture.WEEK + "/no-such-section").status()).isEqualTo(404);
        assertThat(http.get("/api/digests/latest").json().get("week").asString()).isEqualTo("2026-W47");
        // The current week so far is there too, by its name, but never as "latest".
        assertThat(http.get("/api/digests/2026-W48").status()).isEqualTo(200);

        // Every name the JSON gives, each format gives too.
        List<String> names = new ArrayList<>(derivatives);
        json.get("releases").get("items").forEach(r -> names.add(r.get("repository").asString() + " " + r.get("tag").asString()));
        json.get("starMovers").get("items").forEach(m -> names.add(m.get("name").asString()));
        json.get("downloadMovers").get("items").forEach(m -> names.add(m.get("name").asString()));

        Http.Response markdown = http.get("/api/digests/" + DigestWeekFixture.WEEK, "text/markdown");
        assertThat(markdown.contentType()).startsWith("text/markdown");
        String markdownText = TextContentRenderer.builder().build().render(Parser.builder().build().parse(markdown.body()));
        assertThat(markdownText).contains(names).contains("+500 stars");

        Http.Response html = http.get("/api/digests/" + DigestWeekFixture.WEEK, "text/html");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(Jsoup.parse(html.body()).text()).contains(names).contains("<script>alert('x')</script> & more");
        assertThat(html.body()).doesNotContain("<script>").contains("&lt;script&gt;");

        // Field names are case-insensitive; with compression on, Tomcat writes "accept,accept-encoding".
        assertThat(markdown.header("Vary")).containsIgnoringCase("accept");
        assertThat(html.header("Vary")).containsIgnoringCase("accept");
        assertThat(http.get("/api/digests/" + DigestWeekFixture.WEEK).header("Vary")).containsIgnoringCase("accept");

        // The feed links to the configured address, whatever Host the request names.
        Http.Response feed = http.get("/api/digests/feed.atom");
        assertThat(feed.contentType()).startsWith("application/atom+xml");
        assertThat(http.socket("GET /api/digests/feed.atom HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                + "Connection: close\r\n\r\n")).contains("200").contains("<feed").doesNotContain("evil.example");
        assertThat(feed.body()).contains("href=\"" + apiProperties.publicBaseUrl().toString().replaceAll("/+$", "")
                + "/api/digests/2026-W47\"");
        Element entry = atomEntry(feed.body(), "urn:llm-tracker:digest:2026-W47");
        assertThat(text(entry, "title")).isEqualTo("llm-tracker digest 2026-W47");
        assertThat(Jsoup.parse(text(entry, "content")).text()).contains(names);

        Path out = digestProperties.outputDir();
        assertThat(Jsoup.parse(Files.readString(out.resolve("2026-W47.html"))).text()).contains(names);
        assertThat(Files.readString(out.resolve("2026-W47.md"))).isEqualTo(markdown.body());
    }

    @Test
    void aWeekThatIsNotAnIsoWeekIsRefusedNamingTheParameter() {
        Http.Response response = http.get("/api/digests/2026-48");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("parameter").asString()).isEqualTo("week");
        assertThat(http.get("/api/digests/2025-W53").status()).isEqualTo(400);
    }

    @Test
    void aWeekWithoutADigestIsNotFound() {
        Http.Response response = http.get("/api/digests/2020-W01");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("2020-W01");
    }

    /** Checks the feed's required Atom elements and returns the entry with this id. */
    private static Element atomEntry(String xml, String id) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(text(feed, "id")).isNotBlank();
        assertThat(text(feed, "title")).isNotBlank();
        assertThat(java.time.Instant.parse(text(feed, "updated"))).isNotNull();
        Element found = null;
        var entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isPositive();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            assertThat(text(entry, "id")).startsWith("urn:");
            assertThat(text(entry, "title")).isNotBlank();
            assertThat(java.time.Instant.parse(text(entry, "updated"))).isNotNull();
            Element link = (Element) entry.getElementsByTagNameNS(ATOM, "link").item(0);
            assertThat(link.getAttribute("href")).startsWith("http://").endsWith("/api/digests/" + text(entry, "id").substring(text(entry, "id").lastIndexOf(':') + 1));
            if (text(entry, "id").equals(id)) {
                found = entry;
            }
        }
        assertThat(found).as("entry " + id).isNotNull();
        return found;
    }

    private static String text(Element parent, String name) {
        var nodes = parent.getElementsByTagNameNS(ATOM, name);
        // direct children only: entries have their own id/title/updated
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                return nodes.item(i).getTextContent();
            }
        }
        throw new AssertionError("No <" + name + "> in <" + parent.getLocalName() + ">");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field).asString()));
        return values;
    }
}
