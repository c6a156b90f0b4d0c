package org.llmtracker.api.testing;

import java.util.ArrayList;
import java.util.List;

import org.llmtracker.graph.hub.Derivation;
import org.llmtracker.graph.hub.HubListingPage;
import org.llmtracker.graph.hub.HubListingStore;
import org.llmtracker.graph.hub.HubModel;
import org.llmtracker.graph.license.LicenseVerdicts;
import org.llmtracker.graph.model.Relation;
import org.llmtracker.graph.store.Graph;

/**
 * A small listed Hub for the licence routes and pages, judged by the job's refresh: Llama 3 and Gemma, with
 * fine-tunes that drop their terms (Apache-2.0 twice, MIT), keep them, or name no licence.
 */
public final class LicensedHub {

    public static final String LLAMA = "meta-llama/Meta-Llama-3-8B";
    public static final String GEMMA = "google/gemma-2-9b";

    private LicensedHub() {
    }

    public static HubModel model(String id, long downloads, String license) {
        return new HubModel(id, id.substring(0, id.indexOf('/')), downloads, 0L, null, null, null, license, null, null, false);
    }

    public static Derivation from(String child, String parent) {
        return new Derivation(child, parent, Relation.FINETUNE, List.of(), "hf-tag");
    }

    /** Stores the Hub, with {@code more} fine-tunes of Llama 3, and judges every model. */
    public static void store(Graph graph, LicenseVerdicts verdicts, HubModel... more) {
        List<HubModel> models = new ArrayList<>(List.of(model(LLAMA, 1000, "llama3"), model(GEMMA, 900, "gemma"),
                model("a/Llama-3-chat", 50, "apache-2.0"), model("b/Llama-3-tool", 70, "Apache-2.0"),
                model("c/Llama-3-kept", 80, "llama3"), model("d/gemma-mit", 60, "MIT"), model("e/Llama-3-noname", 40, null)));
        List<Derivation> links = new ArrayList<>(List.of(from("a/Llama-3-chat", LLAMA), from("b/Llama-3-tool", LLAMA),
                from("c/Llama-3-kept", LLAMA), from("d/gemma-mit", GEMMA), from("e/Llama-3-noname", LLAMA)));
        for (HubModel m : more) {
            models.add(m);
            links.add(from(m.hfId(), LLAMA));
        }
        new HubListingStore(graph).store(new HubListingPage(models, links), StoreSlice.NOW);
        verdicts.refresh(StoreSlice.NOW);
    }
}
