package org.llmtracker.crawler.huggingface.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model of a generated Hub family, as the Hub would describe it.
 *
 * @param tagParents      base id -> relation tag ("finetune", ...) or null for a bare {@code base_model:<id>} tag
 * @param cardBase        {@code cardData.base_model}: null, a String or a List of Strings
 * @param cardRelation    {@code cardData.base_model_relation}, or null
 * @param gated           false, "manual" or "auto"
 * @param brokenListing   listing this model's children answers a truncated body
 * @param claimedChildren overrides the child count the Hub reports (null: the real count)
 * @param newVersion      {@code cardData.new_version}, or null
 */
public record FixtureModel(String id, long downloads, long likes, Map<String, String> tagParents, Object cardBase,
        String cardRelation, Object gated, boolean brokenListing, Long claimedChildren, String newVersion) {

    public FixtureModel {
        tagParents = tagParents == null ? Map.of() : new LinkedHashMap<>(tagParents);
    }

    static FixtureModel of(String id, long downloads, Map<String, String> tagParents) {
        return new FixtureModel(id, downloads, downloads / 100, tagParents, null, null, false, false, null, null);
    }

    FixtureModel withCard(Object base, String relation) {
        return new FixtureModel(id, downloads, likes, tagParents, base, relation, gated, brokenListing, claimedChildren, newVersion);
    }

    FixtureModel gatedAs(String how) {
        return new FixtureModel(id, downloads, likes, tagParents, cardBase, cardRelation, how, brokenListing, claimedChildren, newVersion);
    }

    FixtureModel withBrokenListing(long claimed) {
        return new FixtureModel(id, downloads, likes, tagParents, cardBase, cardRelation, gated, true, claimed, newVersion);
    }

    FixtureModel withNewVersion(String newer) {
        return new FixtureModel(id, downloads, likes, tagParents, cardBase, cardRelation, gated, brokenListing,
                claimedChildren, newer);
    }

    /** Every parent the Hub lists this model under: the tags, or the card when there are no tags. */
    public List<String> listedUnder() {
        if (!tagParents.isEmpty()) {
            return List.copyOf(tagParents.keySet());
        }
        if (cardBase instanceof String s) {
            return List.of(s);
        }
        if (cardBase instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
