package org.llmtracker.api.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The HTTP API's own limits and address ({@code tracker.api.*}).
 *
 * @param maxBodyKb        largest request body (a catalogue entry is a few hundred bytes)
 * @param maxTableImportKb largest document {@code POST /api/catalog/import} converts
 * @param publicBaseUrl    the address users reach the app at, for links the app writes (the Atom
 *                         feed); never taken from a request's Host header
 * @param concurrentPages  pages and reads served at once, the others waiting their turn in arrival order;
 *                         search as one types skips the turns ({@link PageTurns}); 0: twice the processors
 * @param pageWait         the longest a request waits for its turn before a 503 with {@code Retry-After}
 */
@Validated
@ConfigurationProperties("tracker.api")
public record ApiProperties(
        @DefaultValue("1024") @Min(1) int maxBodyKb,
        @DefaultValue("2048") @Min(1) int maxTableImportKb,
        @DefaultValue("http://localhost:8080") @NotNull URI publicBaseUrl,
        @DefaultValue("0") @Min(0) int concurrentPages,
        @DefaultValue("30s") @NotNull Duration pageWait) {
}
