package org.llmtracker.api.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmtracker.api.i18n.I18nConfiguration;
import org.llmtracker.api.testing.StoreSlice;
import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;
import org.llmtracker.graph.testing.Neo4jTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A model's page names its children by relation: how many each relation has, and the five most
 * downloaded. A busy family's descendants table is kept as it opens, and read for any other view.
 */
@Neo4jTest
@WebMvcTest(ModelPageController.class)
@Import({StoreSlice.class, I18nConfiguration.class, BusyModelParts.class})
class ModelPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Graph graph;

    @BeforeEach
    void aRootWithSevenFineTunesAndTwoQuantizations() {
        List<HubModel> models = new ArrayList<>();
        List<Derivation> links = new ArrayList<>();
        models.add(new HubModel("base/Root-7B", "base", 1_000L, 0L, null, null, null, null, null, null, false));
        for (int i = 1; i <= 7; i++) {
            models.add(new HubModel("tuner/Root-7B-ft-" + i, "tuner", (long) i * 10, 0L, null, null, null, null, null, null, false));
            links.add(new Derivation("tuner/Root-7B-ft-" + i, "base/Root-7B", Relation.FINETUNE, List.of(), "hf-tag"));
        }
        for (String q : List.of("q/Root-7B-GGUF", "q/Root-7B-AWQ")) {
            models.add(new HubModel(q, "q", null, 0L, null, null, null, null, null, null, false));
            links.add(new Derivation(q, "base/Root-7B", Relation.QUANTIZED, List.of(), "hf-tag"));
        }
        new HubListingStore(graph).store(new HubListingPage(models, links), StoreSlice.NOW);
    }

    @Test
    void eachRelationShowsItsCountAndItsFiveMostDownloadedChildren() throws Exception {
        String children = childrenSection("/models/base/root-7b");

        assertThat(children).contains("<span class=\"count\">7</span>", "<span class=\"count\">2</span>");
        assertThat(children).contains(">tuner/Root-7B-ft-7</a>", ">tuner/Root-7B-ft-3</a>", ">All 7</a>",
                ">q/Root-7B-AWQ</a>", ">q/Root-7B-GGUF</a>");
        assertThat(children).doesNotContain(">tuner/Root-7B-ft-2</a>", ">All 2</a>");
        // most downloaded first
        assertThat(children.indexOf(">tuner/Root-7B-ft-7</a>")).isLessThan(children.indexOf(">tuner/Root-7B-ft-6</a>"));
    }

    @Test
    void aBusyFamilysTableIsKeptAsItOpensAndEveryOtherViewIsReadFromTheStore() throws Exception {
        List<HubModel> models = new ArrayList<>();
        List<Derivation> links = new ArrayList<>();
        models.add(new HubModel("base/Busy-7B", "base", 1_000L, 0L, null, null, null, null, null, null, false));
        for (int i = 0; i <= BusyModelParts.BUSY; i++) {
            models.add(new HubModel("tuner/Busy-7B-ft-" + i, "tuner", (long) i, 0L, null, null, null, null, null, null, false));
            links.add(new Derivation("tuner/Busy-7B-ft-" + i, i == 0 ? "base/Busy-7B" : "tuner/Busy-7B-ft-0", Relation.FINETUNE,
                    List.of(), "hf-tag"));
        }
        new HubListingStore(graph).store(new HubListingPage(models, links), StoreSlice.NOW);
        assertThat(page("/models/base/busy-7b")).contains(">tuner/Busy-7B-ft-1000</a>");

        new HubListingStore(graph).store(new HubListingPage(
                List.of(new HubModel("tuner/Busy-7B-star", "tuner", 1_000_000L, 0L, null, null, null, null, null, null, false)),
                List.of(new Derivation("tuner/Busy-7B-star", "tuner/Busy-7B-ft-0", Relation.FINETUNE, List.of(), "hf-tag"))),
                StoreSlice.NOW);

        assertThat(page("/models/base/busy-7b")).as("kept as it opens").doesNotContain("tuner/Busy-7B-star");
        assertThat(page("/models/base/busy-7b?relation=FINETUNE")).contains(">tuner/Busy-7B-star</a>");
        assertThat(page("/models/base/busy-7b?maxDepth=9")).contains(">tuner/Busy-7B-star</a>");
        assertThat(page("/models/base/busy-7b?size=26")).contains(">tuner/Busy-7B-star</a>");
        assertThat(page("/models/base/busy-7b?page=1")).as("one row later than before the star")
                .contains(">tuner/Busy-7B-ft-951</a>").doesNotContain(">tuner/Busy-7B-ft-952</a>");
    }

    @Test
    void aLeafHasNoChildren() throws Exception {
        assertThat(childrenSection("/models/tuner/root-7b-ft-1")).contains("No model derives from this one.")
                .doesNotContain("<span class=\"count\">");
    }

    @Test
    void everyScriptAndStylesheetThePageLinksToIsServed() throws Exception {
        String page = page("/models/base/root-7b");
        List<String> files = Pattern.compile("<(?:script[^>]* src|link[^>]* rel=\"(?:stylesheet|icon)\"[^>]* href)=\"(/[^\"]+)\"").matcher(page)
                .results().map(m -> m.group(1)).toList();

        assertThat(files).contains("/site/site.css", "/site/graph.js").anyMatch(f -> f.startsWith("/webjars/cytoscape/"));
        for (String file : files) {
            assertThat(mvc.perform(get(file)).andReturn().getResponse().getStatus()).as(file).isEqualTo(200);
        }
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The page's children, between their heading and the family graph's (the descendants table names them all). */
    private String childrenSection(String path) throws Exception {
        String page = page(path);
        int from = page.indexOf(">Children</h3>");
        int to = page.indexOf("id=\"graph-heading\"");
        assertThat(from).as("children heading").isPositive();
        assertThat(to).as("graph heading").isGreaterThan(from);
        return page.substring(from, to);
    }
}
