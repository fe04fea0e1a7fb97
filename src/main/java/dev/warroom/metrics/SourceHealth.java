package dev.warroom.metrics;

import java.time.Instant;
import java.util.List;

/**
 * A source as the sources panel shows it.
 *
 * @param state               UP, FAILING (last poll failed), DOWN (two or more failed), STOPPED
 * @param lastFailure         reason of the most recent failed poll, null if none yet
 * @param consecutiveFailures failed polls in a row
 * @param circuit             circuit breaker state (CLOSED, OPEN, HALF_OPEN)
 * @param notes               recent non-fatal remarks (bad rows with line numbers, truncation), newest last
 * @param noteCount           remarks since start, including those no longer in {@code notes}
 */
public record SourceHealth(String name, State state, String lastFailure, int consecutiveFailures,
                           Instant lastSuccess, Instant lastAttempt, String circuit, List<String> notes,
                           long noteCount) {

    public enum State { UP, FAILING, DOWN, STOPPED }
}
