package dev.warroom.domain.metric;

import java.time.Instant;

/**
 * An alert rule changed state. Every transition is shown live; only firing and resolving are facts
 * worth keeping in the record ({@link #recorded()}): pending and back is noise while a value
 * hovers at a threshold.
 */
public record AlertTransition(AlertRule rule, AlertState from, AlertState to, Instant at, double value) {

    /** True when this transition belongs in the timeline: the alert fired or resolved. */
    public boolean recorded() {
        return to == AlertState.FIRING || to == AlertState.RESOLVED;
    }
}
