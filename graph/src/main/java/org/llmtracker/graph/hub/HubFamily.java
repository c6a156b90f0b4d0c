package org.llmtracker.graph.hub;

import java.util.List;
import java.util.stream.Stream;

/**
 * What one crawl of a Hub family says, stored as one unit by {@link HubFamilies#store}.
 *
 * @param root             the crawled model, as its own Hub answer describes it
 * @param listed           the models its derivative listings showed (each once; the root excluded)
 * @param derivations      every link their answers and list items claim
 * @param renames          ids the Hub moved (a 307, or a card naming an id its tags have renamed)
 * @param listedCompletely Hub ids whose listing of children was read to the end within the bounds,
 *                         so a stored child the listing did not show has left it
 * @param versions         what the members' cards say of a newer version ({@code new_version}), one per
 *                         member whose card was read
 */
public record HubFamily(HubModel root, List<HubModel> listed, List<Derivation> derivations, List<Rename> renames,
        List<String> listedCompletely, List<CardVersions.CardVersion> versions) {

    public HubFamily {
        if (root == null) {
            throw new IllegalArgumentException("a Hub family needs its root");
        }
        listed = List.copyOf(listed);
        derivations = List.copyOf(derivations);
        renames = List.copyOf(renames);
        listedCompletely = List.copyOf(listedCompletely);
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** A family whose cards were not read for versions. */
    public HubFamily(HubModel root, List<HubModel> listed, List<Derivation> derivations, List<Rename> renames,
            List<String> listedCompletely) {
        this(root, listed, derivations, renames, listedCompletely, List.of());
    }

    /** The root, then the listed models. */
    List<HubModel> models() {
        return Stream.concat(Stream.of(root), listed.stream()).toList();
    }

    /**
     * What storing the family found.
     *
     * @param discovered listed models the graph did not hold before
     * @param snapshots  download/like snapshots appended
     */
    public record Stored(int discovered, long snapshots) {
    }
}
