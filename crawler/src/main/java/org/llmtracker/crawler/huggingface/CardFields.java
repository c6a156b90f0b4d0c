package org.llmtracker.crawler.huggingface;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.llmtracker.graph.hub.HubCard;
import org.llmtracker.graph.naming.HubIds;

import tools.jackson.databind.JsonNode;

/**
 * The card fields the graph keeps from a {@code cardData} object (the card's YAML front matter as the
 * Hub serves it): TheBloke-style {@code model_creator} / {@code quantized_by} / {@code model_name},
 * {@code license_name} / {@code license_link}, and Hub links the front matter holds. Each value is
 * bounded: a card may hold any YAML there.
 */
final class CardFields {

    /** Keys whose values name the original a repo was made from, without declaring it as {@code base_model} does. */
    private static final List<String> MENTION_KEYS = List.of("model_name", "original_model", "base_model_name", "model_link");
    private static final Pattern HUB_LINK = Pattern.compile("https?://(?:www\\.)?huggingface\\.co/([A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final int MAX_TEXT = 200;
    private static final int MAX_MENTIONS = 5;

    private CardFields() {
    }

    static HubCard read(JsonNode card) {
        Set<String> mentions = new LinkedHashSet<>();
        for (String key : MENTION_KEYS) {
            for (String value : HubJson.strings(card.get(key))) {
                Matcher link = HUB_LINK.matcher(value);
                if (link.find()) {
                    mentions.add(link.group(1));
                } else if (value.length() <= MAX_TEXT) {
                    mentions.add(value);
                }
            }
        }
        for (String value : HubJson.strings(card.get("model_creator_link"))) {
            Matcher link = HUB_LINK.matcher(value);
            if (link.find() && HubIds.valid(link.group(1))) {
                mentions.add(link.group(1));
            }
        }
        List<String> kept = new ArrayList<>(mentions);
        return new HubCard(bounded(creator(card.get("model_creator"))), bounded(HubJson.string(card.get("quantized_by"))),
                kept.subList(0, Math.min(MAX_MENTIONS, kept.size())), bounded(HubJson.string(card.get("license_name"))),
                bounded(HubJson.string(card.get("license_link"))));
    }

    /** {@code model_creator} is a string, now and then a list (several makers): the first. */
    private static String creator(JsonNode node) {
        List<String> names = HubJson.strings(node);
        return names.isEmpty() ? null : names.get(0);
    }

    private static String bounded(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
