package org.llmtracker.crawler.huggingface;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The card fields a listing item carries under {@code cardData}, in TheBloke's front matter shape. */
class CardFieldsTests {

    @Test
    void aQuantizersFrontMatterGivesCreatorQuantizerModelNameAndLicenceFields() {
        String item = """
                [{"_id":"64f0c2b5a1b2c3d4e5f60718","id":"TheBloke/13B-BlueMethod-GGUF","author":"TheBloke",
                  "downloads":1204,"likes":12,"tags":["transformers","gguf","llama","license:other"],
                  "cardData":{"inference":false,"license":"other","license_name":"llama2","license_link":"LICENSE",
                    "model_creator":"Caldera AI","model_name":"13B BlueMethod","model_type":"llama","quantized_by":"TheBloke",
                    "prompt_template":"{prompt}"},
                  "gguf":{"architecture":"llama","total":13015864320,"context_length":4096},
                  "config":{"model_type":"llama"}},
                 {"_id":"64f0c2b5a1b2c3d4e5f60719","id":"CalderaAI/13B-BlueMethod","downloads":1571,"likes":158}]
                """;
        List<HubEntry> entries = new HubJson().page(item, "test", new ArrayList<>());

        HubEntry quant = entries.get(0);
        assertThat(quant.card().creator()).isEqualTo("Caldera AI");
        assertThat(quant.card().quantizedBy()).isEqualTo("TheBloke");
        assertThat(quant.card().baseMentions()).containsExactly("13B BlueMethod");
        assertThat(quant.card().licenseName()).isEqualTo("llama2");
        assertThat(quant.card().licenseLink()).isEqualTo("LICENSE");
        assertThat(quant.ggufArchitecture()).isEqualTo("llama");
        assertThat(quant.modelType()).isEqualTo("llama");
        assertThat(quant.parameters()).isEqualTo(13_015_864_320L);
        assertThat(entries.get(1).card()).as("no cardData: the stored fields are left alone").isNull();
    }

    @Test
    void theListingAsksForCardsAndWeightsFactsAsExpandValuesNeverBesideFullOrCardDataParameters() {
        String first = new HubListing(java.net.URI.create("https://huggingface.co"), 1000, null).first();

        assertThat(first).contains("expand%5B%5D=cardData", "expand%5B%5D=config", "expand%5B%5D=gguf", "expand%5B%5D=safetensors")
                .doesNotContain("full=", "&cardData=", "&config=");
    }
}
