package dev.warroom.store;

/** What one retention pass did: how many batches (transactions), rows deleted, and the longest batch. */
public record RetentionPass(int batches, long rows, double longestBatchMillis) {
}
