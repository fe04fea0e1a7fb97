package dev.warroom.domain.metric;

import java.time.Instant;

/**
 * Where one rule stands now, for the alert list.
 *
 * @param activeSince when the condition started holding (null unless PENDING or FIRING)
 * @param lastValue   the last value evaluated, NaN before the first
 * @param resolvedAt  when the alert last resolved (null if never): it may fire again only once the
 *                    rule's calm time has passed since then
 */
public record AlertStatus(AlertRule rule, AlertState state, Instant activeSince, double lastValue,
                          Instant lastEvaluated, Instant resolvedAt) {

    /** Whether the rule's suggested action applies now: while its condition holds (pending or firing). */
    public boolean actionApplies() {
        return state == AlertState.FIRING || state == AlertState.PENDING;
    }

    /** The first moment the alert may fire again, or null when nothing holds it back. */
    public Instant mayFireAgainAt() {
        return resolvedAt == null ? null : resolvedAt.plus(rule.calmFor());
    }
}
