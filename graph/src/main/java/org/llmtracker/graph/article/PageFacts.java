package org.llmtracker.graph.article;

/**
 * What a fetched reference page says about itself.
 *
 * @param url   the catalogue's URL (the key, even when the page redirected)
 * @param title the page's title; null when it has none
 * @param site  the site's name, or its host when the page does not name it
 */
public record PageFacts(String url, String title, String site) {
}
