package org.llmtracker.api.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.api.i18n.I18nConfiguration;
import org.llmtracker.api.i18n.Languages;
import org.llmtracker.api.testing.LicensedHub;
import org.llmtracker.api.testing.StoreSlice;
import org.llmtracker.graph.license.LicenseVerdicts;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The licence pages, the model page's licence chip and the graph's licence caption speak the reader's
 * language: every word of them under zh-CN is Chinese (only ids, licence ids and numbers stay as
 * written), and every message they name shows in English and in Chinese.
 */
@Neo4jTest
@WebMvcTest({LicensesPageController.class, ModelPageController.class})
@Import({StoreSlice.class, I18nConfiguration.class, BusyModelParts.class})
class LicensePageLanguageTests {

    private static final List<String> TEMPLATES = List.of("licenses.html", "license-conflicts.html", "model.html", "layout.html");
    private static final Pattern KEY = Pattern.compile("#\\{(licenses\\.[\\w.-]+|js\\.graph\\.licences)}|fmt\\.msg\\('(licenses\\.[\\w.-]+)'");
    private static final List<String> MODELS = List.of(LicensedHub.LLAMA, LicensedHub.GEMMA, "a/Llama-3-chat", "b/Llama-3-tool",
            "c/Llama-3-kept", "d/gemma-mit", "e/Llama-3-noname", "f/chat-kept");
    /** Licence ids of the fixture, the naming clause's prefix, the product's and the Hub's names: data, not words to translate. */
    private static final List<String> NAMES = List.of("apache-2.0", "Apache-2.0", "llama3", "gemma", "MIT", "mit", "Llama",
            "llm-tracker", "Hugging Face", "UTC");
    /** Slices of Chinese that are not Chinese: the model ids and names as upstream writes them, licence ids; longest first. */
    private static final List<String> DATA = data();
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    @Autowired
    MockMvc mvc;
    @Autowired
    Graph graph;
    @Autowired
    LicenseVerdicts verdicts;
    @Autowired
    MessageSource messages;

    private static List<String> data() {
        Set<String> data = new TreeSet<>(NAMES);
        for (String id : MODELS) {
            String name = id.substring(id.indexOf('/') + 1);
            data.addAll(List.of(id, id.toLowerCase(Locale.ROOT), name, name.toLowerCase(Locale.ROOT)));
        }
        return data.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    }

    @BeforeEach
    void hub() {
        // a fine-tune under Llama 3's own licence whose name does not begin with "Llama": the naming verdict
        LicensedHub.store(graph, verdicts, LicensedHub.model("f/chat-kept", 30, "llama3"));
    }

    /** What the reader sees of every licence view: the pages' main parts, the chips of a conflict, a naming case and a missing licence. */
    private List<Element> views(String lang) throws Exception {
        List<Element> views = new ArrayList<>();
        for (String path : List.of("/licenses", "/licenses/conflicts",
                "/licenses/conflicts?ancestorLicense=llama3&license=apache-2.0&family=meta-llama/Meta-Llama-3-8B",
                "/licenses/conflicts?page=1")) {
            Document page = render(path, lang);
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo(lang);
            assertThat(page.title()).as(path).isNotBlank();
            views.add(page.head().selectFirst("title"));
            views.add(page.selectFirst("main"));
        }
        for (String id : List.of("b/Llama-3-tool", "f/chat-kept", "e/Llama-3-noname", LicensedHub.GEMMA)) {
            Document page = render("/models/" + id.toLowerCase(Locale.ROOT), lang); // the canonical id: others redirect
            views.add(page.selectFirst("#licence-chip"));
            views.add(page.selectFirst(".legend"));
            views.add(new Element("p").text(page.selectFirst("footer").attr("data-text-graph-licences")));
        }
        assertThat(views).doesNotContainNull();
        return views;
    }

    private Document render(String path, String lang) throws Exception {
        var response = mvc.perform(get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang)).andReturn().getResponse();
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(path + "\n" + html).isEqualTo(200);
        return Jsoup.parse(html);
    }

    /** The text and the tooltips and labels a reader meets. */
    private static String seen(List<Element> views) {
        StringBuilder all = new StringBuilder();
        for (Element view : views) {
            all.append(view.text()).append('\n');
            for (Element e : view.getAllElements()) {
                all.append(e.attr("title")).append('\n').append(e.attr("aria-label")).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void underChineseNoEnglishWordIsLeftOnTheLicenceViews() throws Exception {
        Set<String> english = new TreeSet<>();
        for (String line : seen(views("zh-CN")).split("\n")) {
            String rest = line;
            for (String data : DATA) {
                rest = rest.replace(data, " ");
            }
            Matcher m = WORD.matcher(rest);
            if (m.find()) {
                english.add(line.strip());
            }
        }
        assertThat(english).as("English left on a Chinese page").isEmpty();
    }

    @Test
    void everyMessageTheLicenceViewsNameShowsInBothLanguages() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (String template : TEMPLATES) {
            Matcher m = KEY.matcher(Files.readString(Path.of("src/main/resources/templates", template)));
            while (m.find()) {
                keys.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        assertThat(keys).contains("licenses.heading", "licenses.conflicts.title", "licenses.chip.vs", "licenses.chip.none");
        for (Locale locale : Languages.SUPPORTED) {
            String seen = seen(views(Languages.tag(locale)));
            for (String key : keys) {
                String text = messages.getMessage(key, null, locale);
                // an empty store's words: their own test; a large store not counted yet: LicenseVerdictsTests
                if (!text.contains("{0}") && !key.equals("licenses.noPairs") && !key.equals("licenses.notCounted")) {
                    assertThat(seen).as(key + " in " + locale).contains(text);
                }
            }
            // the messages with values, as each view fills them
            assertThat(seen).contains(messages.getMessage("licenses.conflicts.count.other", new Object[] {"3"}, locale),
                    messages.getMessage("licenses.countedAt", new Object[] {"2026-11-23 08:00 UTC"}, locale),
                    messages.getMessage("licenses.conflicts.license", new Object[] {"apache-2.0"}, locale),
                    messages.getMessage("licenses.conflicts.ancestorLicense", new Object[] {"llama3"}, locale),
                    messages.getMessage("licenses.conflicts.family", new Object[] {"meta-llama/meta-llama-3-8b"}, locale),
                    messages.getMessage("licenses.chip.ancestor", new Object[] {"llama3", "meta-llama/meta-llama-3-8b"}, locale),
                    messages.getMessage("js.graph.licences", new Object[] {"{0}"}, locale),
                    messages.getMessage("licenses.chip.judged", new Object[] {"meta-llama/meta-llama-3-8b", "llama3",
                            messages.getMessage("licenses.reason.permissive-over-restrictive", null, locale)}, locale));
        }
    }

    @Test
    void verdictsAndReasonsAreWordsInTheReadersLanguage() throws Exception {
        String chinese = seen(views("zh-CN"));
        assertThat(chinese).contains("冲突", "命名不符", "无法判定", "合规", "在限制性条款之上改用宽松许可证", "名称须以“Llama”开头",
                "模型没有声明许可证", "无许可证", "没有可供对照判定的上游模型", "无")
                .doesNotContain("permissive-over-restrictive", "name-must-begin-with");
        String english = seen(views("en"));
        assertThat(english).contains("conflict", "naming", "a permissive licence over restrictive terms",
                "the name must begin with \"Llama\"", "the model declares no licence", "No ancestor to judge the licence against")
                .doesNotContain("permissive-over-restrictive");
    }

    @Test
    void anEmptyStoreSaysSoInEitherLanguage() throws Exception {
        graph.write(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
        verdicts.refresh(StoreSlice.NOW);
        for (Locale locale : Languages.SUPPORTED) {
            assertThat(render("/licenses", Languages.tag(locale)).selectFirst("main").text())
                    .contains(messages.getMessage("licenses.noPairs", null, locale));
        }
    }
}
