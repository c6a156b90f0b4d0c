package org.llmtracker.api.testing;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * The machine's Chromium, driven by Playwright for Java. Playwright's driver ships inside its
 * jar; no browser is downloaded: the tests use Debian's {@code /usr/bin/chromium} (another with
 * {@code -Dtracker.test.chromium=/path}). Where there is none, browser tests are skipped with
 * that reason, except in CI ({@code CI=true}), where they fail: CI installs Chromium.
 */
public final class Chromium implements AutoCloseable {

    // Without the background-networking flags Chromium keeps dialling Google's hosts, which a closed network refuses.
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launchOrSkip() {
        Path executable = Paths.get(System.getProperty("tracker.test.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            String reason = "No Chromium at " + executable + ": install Debian's chromium "
                    + "(apt-get install -y --no-install-recommends chromium) or set -Dtracker.test.chromium";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        // A shared two-core machine can be slow to answer; a missing element still fails, only later.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh profile (no cache, no cookies) at a phone or desktop width, recording what its pages do. */
    public Tab open(String baseUrl, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
                .setViewportSize(width, height).setLocale("en-GB").setTimezoneId("UTC"));
        return new Tab(context, baseUrl);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
