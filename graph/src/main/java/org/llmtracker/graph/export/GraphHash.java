package org.llmtracker.graph.export;

/**
 * What a graph holds, in three numbers: its nodes, its relationships (the derived ancestry
 * index left out) and a SHA-256 over their canonical form. Two stores with equal hashes hold the
 * same nodes with the same labels and properties joined by the same relationships, whatever
 * their element ids and whatever order they were written in.
 */
public record GraphHash(long nodes, long relationships, String sha256) {
}
