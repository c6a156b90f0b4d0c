package org.llmtracker.graph.repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** What GitHub says about a repository right now. */
public record RepositoryFacts(String fullName, String name, String url, String description, long stars, long forks,
        long watchers, long openIssues, String license, List<String> topics, Instant pushedAt, boolean archived) {

    public RepositoryFacts {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /**
     * A digest of every field, the same in every JVM and release (a record's {@code hashCode} is
     * neither), so a stored digest tells whether anything changed since the last crawl.
     */
    public String digest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (Object field : List.of(String.valueOf(fullName), String.valueOf(name), String.valueOf(url),
                String.valueOf(description), stars, forks, watchers, openIssues, String.valueOf(license), topics,
                String.valueOf(pushedAt), archived)) {
            // Length-prefixed, so no two different field lists run together into one text.
            byte[] bytes = String.valueOf(field).getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }
}
