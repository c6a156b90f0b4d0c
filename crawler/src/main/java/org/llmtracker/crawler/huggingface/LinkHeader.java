package org.llmtracker.crawler.huggingface;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.llmtracker.crawler.http.Upstream;

import okhttp3.HttpUrl;

/** The {@code rel="next"} target of a {@code Link} header, as the Hub pages its lists (with a {@code cursor} parameter). */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([^\";,]+)\"?");
    private static final int MAX_HEADER = 16_384;
    private static final int QUOTED = 200;

    private LinkHeader() {
    }

    /** The raw target, as written between the angle brackets; the caller checks that it is a URL it may follow. */
    static Optional<String> next(String header) throws HubException {
        if (header == null) {
            return Optional.empty();
        }
        if (header.length() > MAX_HEADER) {
            throw new HubException("a Link header of " + header.length() + " characters");
        }
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            if ("next".equals(m.group(2).trim())) {
                return Optional.of(m.group(1).trim());
            }
        }
        return Optional.empty();
    }

    /**
     * The next page of a list answered for {@code current}: its {@code Link} target, which must
     * be an http(s) URL on the Hub's own host and port ({@code api}), on the listing's own path: a
     * Link elsewhere would send the token to another host, or have the crawler read what is no
     * listing. Null when there is no next page.
     */
    static HttpUrl nextPage(String header, HttpUrl current, HttpUrl api) throws HubException {
        String link = next(header).orElse(null);
        if (link == null) {
            return null;
        }
        HttpUrl target = strictlyResolved(current, link);
        if (target == null) {
            throw new HubException("GET " + Upstream.shown(current) + " gave a next-page Link that is not an http(s) URL: " + quoted(link));
        }
        if (!onHost(target, api)) {
            throw new HubException("refusing a next page on another host: " + quoted(link));
        }
        if (!target.encodedPath().equals(current.encodedPath())) {
            // The next page of a listing is the same listing further on: a Link to /admin/secret is not one.
            throw new HubException("refusing a next page outside the listing " + current.encodedPath() + ": "
                    + quoted(link));
        }
        return target;
    }

    static boolean onHost(HttpUrl url, HttpUrl api) {
        return url.host().equalsIgnoreCase(api.host()) && url.port() == api.port();
    }

    // OkHttp resolves leniently (it would encode a space); a Hub answer with one is malformed.
    static HttpUrl strictlyResolved(HttpUrl base, String reference) {
        try {
            new URI(reference);
        } catch (URISyntaxException e) {
            return null;
        }
        return base.resolve(reference);
    }

    static String quoted(String text) {
        return text.length() > QUOTED ? "'" + text.substring(0, QUOTED) + "...' (" + text.length() + " characters)"
                : "'" + text + "'";
    }
}
