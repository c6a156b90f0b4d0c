package org.llmtracker.api.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalogue ({@code tracker.catalog.*}).
 *
 * @param location    the catalogue YAML; empty uses the one shipped in the jar
 * @param loadAtStart false leaves the store as it is at start (an empty store to restore an export into)
 */
@ConfigurationProperties("tracker.catalog")
public record CatalogProperties(@DefaultValue("") String location, @DefaultValue("true") boolean loadAtStart) {
}
