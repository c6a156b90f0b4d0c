package org.llmtracker.crawler.huggingface;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.llmtracker.crawler.http.Upstream;

import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The Hub's whole model listing, {@code GET /api/models}, newest change first
 * ({@code sort=lastModified}; the Hub sorts descending only), in the largest pages it serves,
 * asking with {@code expand[]} for the fields the graph keeps that a listing can carry, card fields
 * and weights' facts included, so inference needs no request per model. {@code cardData}, {@code config},
 * {@code gguf} and {@code safetensors} are <em>expand values</em> (huggingface_hub's
 * {@code ExpandModelProperty_T}; clients list with {@code expand=["config"]} for architectures); what
 * may not stand beside {@code expand[]} are the separate <em>parameters</em> {@code full=true},
 * {@code cardData=true} and {@code config=true} (huggingface_hub raises "`expand` cannot be used if `full`,
 * `cardData` or `fetch_config` are passed"). The expand fields {@code baseModels} and
 * {@code childrenModelCount} are refused on listings, so lineage comes from the
 * {@code base_model:<relation>:<id>} tags. Pages follow
 * {@code Link: <...&cursor=...>; rel="next"}; every request goes through the Hub's
 * {@link Upstream} (rate window, retries, waits).
 */
public final class HubListing {

    /** What a listing item carries beyond {@code _id} and {@code id}. */
    static final List<String> FIELDS = List.of("author", "createdAt", "lastModified", "downloads", "likes",
            "pipeline_tag", "library_name", "tags", "gated", "cardData", "config", "gguf", "safetensors");

    private final HttpUrl api;
    private final int pageSize;
    private final Upstream http;
    private final HubJson json = new HubJson();

    public HubListing(URI apiUrl, int pageSize, Upstream http) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
        }
        this.api = HttpUrl.get(apiUrl.toString().replaceAll("/+$", "") + "/");
        this.pageSize = pageSize;
        this.http = http;
    }

    /** The listing's first page: the most recently changed models. */
    public String first() {
        HttpUrl.Builder url = api.resolve("api/models").newBuilder()
                .addQueryParameter("sort", "lastModified")
                .addQueryParameter("limit", Integer.toString(pageSize));
        FIELDS.forEach(field -> url.addQueryParameter("expand[]", field));
        return url.build().toString();
    }

    /** Whether {@code url} is a page of this Hub's listing: a stored cursor from another endpoint is not followed. */
    public boolean ours(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        return parsed != null && LinkHeader.onHost(parsed, api) && parsed.encodedPath().equals(api.resolve("api/models").encodedPath());
    }

    /**
     * Reads one page.
     *
     * @throws CursorRefused when the Hub refuses a page that carries a cursor (400, 404, 410 or 422):
     *                       the cursor has expired, and the pass must begin again
     * @throws HubException  for any other answer it cannot use
     */
    public ListingPage page(String url) throws IOException {
        HttpUrl target = HttpUrl.get(url);
        Request request = new Request.Builder().url(target).header("Accept", "application/json").get().build();
        try (Response response = http.execute(request)) {
            int status = response.code();
            if (status != 200) {
                boolean cursor = target.queryParameter("cursor") != null;
                if (cursor && (status == 400 || status == 404 || status == 410 || status == 422)) {
                    throw new CursorRefused("GET " + Upstream.shown(target) + " answered " + status + ": the listing no longer accepts this cursor");
                }
                throw new HubException("GET " + Upstream.shown(target) + " answered " + status);
            }
            List<String> rejected = new ArrayList<>();
            List<HubEntry> entries = json.page(response.body().string(), Upstream.shown(target), rejected);
            HttpUrl next = LinkHeader.nextPage(response.header("Link"), target, api);
            return new ListingPage(entries, next == null ? null : next.toString(), rejected);
        }
    }

    /**
     * One page of the listing.
     *
     * @param next     the next page, or null after the last
     * @param rejected items skipped as malformed, each named
     */
    public record ListingPage(List<HubEntry> entries, String next, List<String> rejected) {

        public ListingPage {
            entries = List.copyOf(entries);
            rejected = List.copyOf(rejected);
        }
    }

    /** The Hub no longer accepts a cursor it gave: the pass begins again from the first page. */
    public static final class CursorRefused extends HubException {

        public CursorRefused(String message) {
            super(message);
        }
    }
}
