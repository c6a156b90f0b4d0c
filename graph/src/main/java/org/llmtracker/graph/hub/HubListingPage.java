package org.llmtracker.graph.hub;

import java.util.List;

/**
 * One page of the Hub's model listing, as {@link HubListingStore} stores it: the listed models
 * and the parents their {@code base_model:<relation>:<id>} tags declare. A parent need not be
 * listed in the page, nor stored yet.
 *
 * @param models      the listed models
 * @param derivations links from listed models to their declared parents
 */
public record HubListingPage(List<HubModel> models, List<Derivation> derivations) {

    public HubListingPage {
        models = List.copyOf(models);
        derivations = List.copyOf(derivations);
    }
}
