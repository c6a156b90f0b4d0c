package org.llmtracker.api.web;

import java.net.URI;

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
 */
@Validated
@ConfigurationProperties("tracker.api")
public record ApiProperties(
        @DefaultValue("1024") @Min(1) int maxBodyKb,
        @DefaultValue("2048") @Min(1) int maxTableImportKb,
        @DefaultValue("http://localhost:8080") @NotNull URI publicBaseUrl) {
}
