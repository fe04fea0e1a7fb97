package dev.warroom.domain.metric;

import java.time.Instant;

/**
 * Where one rule stands now, for the alert list.
 *
 * @param activeSince when the condition started holding (null unless PENDING or FIRING)
 * @param lastValue   the last value evaluated, NaN before the first
 */
public record AlertStatus(AlertRule rule, AlertState state, Instant activeSince, double lastValue,
                          Instant lastEvaluated) {
}
