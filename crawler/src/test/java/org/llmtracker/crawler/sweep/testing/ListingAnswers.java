package org.llmtracker.crawler.sweep.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.llmtracker.crawler.testing.QueryStrings;

/**
 * The Hub's answers to {@code GET /api/models?sort=lastModified&limit=..&expand[]=..[&cursor=..]}
 * over a {@link Listing}, for any stand-in that serves the listing (see {@link ListingServer}):
 * pages of at most 1,000 items carrying {@code _id}, {@code id} and the {@code expand[]} fields,
 * a {@code Link} to the next page, and the Hub's refusals (400) of the expand fields it serves on
 * single models only, of {@code expand} beside {@code full}, {@code cardData} or {@code config},
 * and of a cursor it no longer accepts.
 */
public final class ListingAnswers {

    private static final Set<String> REFUSED_EXPANDS = Set.of("baseModels", "childrenModelCount", "usedStorage");

    private final Listing listing;
    private final AtomicInteger cursorGeneration = new AtomicInteger();

    public ListingAnswers(Listing listing) {
        this.listing = listing;
    }

    /** An answer: its status, body and the next page's URL (null when none). */
    public record Answer(int status, String body, String next) {
    }

    /** Whether a request asks for the whole listing (no {@code filter}, {@code search} or {@code author}). */
    public static boolean isListing(URI uri) {
        Map<String, List<String>> query = QueryStrings.parse(uri.getRawQuery());
        return "/api/models".equals(uri.getRawPath()) && !query.containsKey("filter") && !query.containsKey("search")
                && !query.containsKey("author");
    }

    /** Every cursor handed out so far is refused from now on. */
    public void expireCursors() {
        cursorGeneration.incrementAndGet();
    }

    /** @param base the stand-in's scheme, host and port, for the {@code Link} it gives */
    public Answer answer(URI uri, String base) {
        if (!"/api/models".equals(uri.getRawPath())) {
            return new Answer(404, "{\"error\":\"Not Found\"}", null);
        }
        Map<String, List<String>> query = QueryStrings.parse(uri.getRawQuery());
        Set<String> expand = new LinkedHashSet<>();
        expand.addAll(query.getOrDefault("expand[]", List.of()));
        expand.addAll(query.getOrDefault("expand", List.of()));
        for (String field : expand) {
            if (REFUSED_EXPANDS.contains(field)) {
                return new Answer(400, "{\"error\":\"\\\"expand\\\" must be one of [author, cardData, config, createdAt, "
                        + "disabled, downloads, downloadsAllTime, gated, gguf, inference, inferenceProviderMapping, "
                        + "lastModified, library_name, likes, mask_token, model-index, pipeline_tag, private, safetensors, "
                        + "sha, siblings, spaces, tags, transformersInfo, trendingScore, widgetData, resourceGroup]\"}", null);
            }
        }
        if (!expand.isEmpty() && (query.containsKey("full") || query.containsKey("cardData") || query.containsKey("config"))) {
            return new Answer(400, "{\"error\":\"expand cannot be combined with full, cardData or config\"}", null);
        }
        if (!"lastModified".equals(query.getOrDefault("sort", List.of("")).get(0))) {
            return new Answer(400, "{\"error\":\"this stand-in lists by sort=lastModified only\"}", null);
        }
        int limit = Math.min(ListingServer.MAX_PAGE, Integer.parseInt(query.getOrDefault("limit", List.of("1000")).get(0)));
        Listing.Key after = null;
        if (query.containsKey("cursor")) {
            after = cursor(query.get("cursor").get(0));
            if (after == null) {
                return new Answer(400, "{\"error\":\"Invalid cursor\"}", null);
            }
        }
        List<ListedModel> page = listing.after(after, limit + 1);
        boolean more = page.size() > limit;
        List<ListedModel> shown = more ? page.subList(0, limit) : page;
        StringBuilder body = new StringBuilder(shown.size() * 420 + 2).append('[');
        for (int i = 0; i < shown.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            shown.get(i).json(expand, body);
        }
        body.append(']');
        String next = more ? base + "/api/models?" + without(uri.getRawQuery(), "cursor") + "&cursor="
                + cursor(shown.get(shown.size() - 1).key()) : null;
        return new Answer(200, body.toString(), next);
    }

    private String cursor(Listing.Key key) {
        String json = "{\"lastModified\":\"" + key.lastModified() + "\",\"_id\":\"" + key.objectId() + "\",\"v\":"
                + cursorGeneration.get() + "}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private Listing.Key cursor(String text) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String lastModified = field(json, "lastModified");
            String objectId = field(json, "_id");
            int generation = Integer.parseInt(json.substring(json.indexOf("\"v\":") + 4, json.lastIndexOf('}')));
            return generation == cursorGeneration.get() ? new Listing.Key(Instant.parse(lastModified), objectId) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }

    private static String without(String rawQuery, String name) {
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.startsWith(name + "=")) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }

}
