package org.llmtracker.crawler.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.llmtracker.crawler.http.HostGuard;
import org.llmtracker.crawler.http.RateLimitedException;
import org.llmtracker.crawler.http.Upstream;
import org.llmtracker.crawler.http.UpstreamException;
import org.llmtracker.graph.article.PageFacts;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches one reference page through the pages {@link Upstream} (guarded: every hop is vetted
 * and connected to the vetted address) and reads its title and site name with Jsoup.
 * Redirects are followed here, hop by hop. Errors say what happened to the page without
 * repeating its URL, which the run's error already names.
 */
final class PageFetcher {

    /** Longer URLs are refused unfetched: no real reference link is this long, and stores cap key sizes. */
    static final int MAX_URL_LENGTH = 2048;

    private final PageSettings settings;
    private final Upstream upstream;

    PageFetcher(PageSettings settings, Upstream upstream) {
        this.settings = settings;
        this.upstream = upstream;
    }

    PageFacts fetch(String url) throws IOException {
        if (url.length() > MAX_URL_LENGTH) {
            throw new UpstreamException("a URL of " + url.length() + " characters; at most " + MAX_URL_LENGTH
                    + " are fetched");
        }
        HostGuard.checkScheme(url);
        HttpUrl current = HttpUrl.get(url);
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            try (Response response = upstream.execute(new Request.Builder().url(current)
                    .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5").get().build())) {
                int status = response.code();
                if (status >= 300 && status < 400 && response.header("Location") != null) {
                    HttpUrl next = current.resolve(response.header("Location"));
                    if (next == null) {
                        throw new UpstreamException(where(url, current) + "redirects to something that is not an http(s) URL");
                    }
                    current = next;
                    continue;
                }
                if (status >= 400) {
                    throw new UpstreamException(where(url, current) + "HTTP " + status);
                }
                return facts(url, current, response);
            } catch (UpstreamException e) {
                // The policy's message names the page's URL; the run's error does already.
                throw e.reason().equals(e.getMessage()) ? e : new UpstreamException(where(url, current) + e.reason(), e);
            } catch (RateLimitedException e) {
                // One site's limit is that page's failure, not the run's end: the other sites have limits of their own.
                throw new UpstreamException(where(url, current) + "rate limited (HTTP 429); it asks for "
                        + e.asked().toSeconds() + " s", e);
            }
        }
        throw new UpstreamException("more than " + settings.maxRedirects() + " redirects");
    }

    private static PageFacts facts(String url, HttpUrl at, Response response) throws IOException {
        MediaType type = response.body().contentType();
        String host = at.host().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        if (type == null || !type.subtype().toLowerCase(Locale.ROOT).contains("html")) {
            return new PageFacts(url, null, host);
        }
        Charset charset = type.charset();
        Document page;
        try (InputStream in = response.body().byteStream()) {
            page = Jsoup.parse(in, charset == null ? null : charset.name(), at.toString());
        }
        String title = firstNonBlank(page.select("meta[property=og:title]").attr("content"), page.title());
        String site = firstNonBlank(page.select("meta[property=og:site_name]").attr("content"), host);
        return new PageFacts(url, title, site);
    }

    // The run's error names the page; a hop elsewhere is worth naming too.
    private static String where(String url, HttpUrl current) {
        return current.toString().equals(HttpUrl.get(url).toString()) ? "" : "redirected to " + current + ": ";
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b == null || b.isBlank() ? null : b.trim();
    }
}
