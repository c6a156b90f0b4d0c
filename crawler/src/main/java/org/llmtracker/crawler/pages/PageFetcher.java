package org.llmtracker.crawler.pages;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.llmtracker.crawler.http.HostGuard;
import org.llmtracker.graph.article.PageFacts;

/**
 * Fetches one reference page with Jsoup and reads its title and site name. Redirects are
 * followed by hand so every hop passes the {@link HostGuard}.
 */
final class PageFetcher {

    private final PageSettings settings;
    private final HostGuard guard;

    PageFetcher(PageSettings settings) {
        this.settings = settings;
        this.guard = new HostGuard(settings.allowedHosts());
    }

    /** @param requests called once per HTTP request made */
    PageFacts fetch(String url, Runnable requests) throws IOException {
        URI current = URI.create(url);
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            guard.check(current);
            requests.run();
            Connection.Response response = Jsoup.connect(current.toString())
                    .userAgent(settings.userAgent())
                    .timeout((int) settings.timeout().toMillis())
                    .maxBodySize(settings.maxBodyBytes())
                    .followRedirects(false)
                    .ignoreHttpErrors(true)
                    .ignoreContentType(true)
                    .execute();
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.hasHeader("Location")) {
                current = current.resolve(response.header("Location"));
                continue;
            }
            if (status >= 400) {
                throw new IOException(url + ": HTTP " + status);
            }
            String type = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
            String host = current.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            if (!type.contains("html")) {
                return new PageFacts(url, null, host);
            }
            Document page = response.parse();
            String title = firstNonBlank(page.select("meta[property=og:title]").attr("content"), page.title());
            String site = firstNonBlank(page.select("meta[property=og:site_name]").attr("content"), host);
            return new PageFacts(url, title, site);
        }
        throw new IOException(url + ": more than " + settings.maxRedirects() + " redirects");
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b == null || b.isBlank() ? null : b.trim();
    }
}
