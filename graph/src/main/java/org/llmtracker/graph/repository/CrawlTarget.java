package org.llmtracker.graph.repository;

import java.time.Instant;

/**
 * A catalogued repository as the GitHub crawler sees it before fetching.
 *
 * @param fullName         lower-case key
 * @param name             owner/name as written (the path to ask GitHub for)
 * @param pushedAt         as last recorded; null before the first crawl
 * @param detailsCheckedAt when releases and README were last read; null before the first crawl
 */
public record CrawlTarget(String fullName, String name, Instant pushedAt, Instant detailsCheckedAt) {
}
