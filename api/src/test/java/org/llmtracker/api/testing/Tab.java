package org.llmtracker.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;

/**
 * A browser page that remembers what went wrong while it was used: console errors (a
 * Content-Security-Policy violation is one), uncaught script errors, dialogs opened (an
 * {@code alert} from injected markup would be one), and every host a request went to.
 */
public final class Tab implements AutoCloseable {

    private final BrowserContext context;
    private final Page page;
    private final String appHost;
    private final List<String> errors = new ArrayList<>();
    private final List<String> dialogs = new ArrayList<>();
    private final Set<String> hosts = new TreeSet<>();
    private final List<Request> finished = new ArrayList<>();

    Tab(BrowserContext context, String baseUrl) {
        this.context = context;
        this.appHost = URI.create(baseUrl).getHost() + ":" + URI.create(baseUrl).getPort();
        this.page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add("console: " + m.text() + " at " + m.location());
            }
        });
        page.onPageError(e -> errors.add("script: " + e));
        page.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
        context.onRequest(r -> {
            String origin = origin(r.url());
            if (origin != null) {
                hosts.add(origin);
            }
        });
        context.onRequestFinished(finished::add);
        page.setDefaultTimeout(30_000);
    }

    /** host:port of an http(s) request, the scheme of anything else; null for inline {@code data:} and {@code about:}. */
    private String origin(String url) {
        String scheme = url.substring(0, Math.max(0, url.indexOf(':')));
        if (scheme.equals("data") || scheme.equals("about")) {
            return null;
        }
        if (!scheme.startsWith("http")) {
            return scheme + ":";
        }
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    public Page page() {
        return page;
    }

    /** Requests that completed, for page weight: sizes are known once a request is finished. */
    public List<Request> finished() {
        return List.copyOf(finished);
    }

    public void forgetRequests() {
        finished.clear();
    }

    /**
     * Opens a page that should not exist and checks it says so: a 404 page, which the browser
     * also reports as a failed load on the console (that one report is expected, not an error).
     */
    public void assertNotFound(String path, String says) {
        Response response = page.navigate(path);
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("main").textContent()).contains(says);
        errors.removeIf(e -> e.startsWith("console: Failed to load resource: the server responded with a status of 404")
                && e.contains(path));
    }

    /** Nothing went wrong on any page this tab showed, and nothing was asked of another host. */
    public void assertClean() {
        assertThat(errors).as("console and script errors").isEmpty();
        assertThat(dialogs).as("dialogs opened").isEmpty();
        assertThat(hosts).as("hosts requested").containsOnly(appHost);
    }

    @Override
    public void close() {
        context.close();
    }
}
