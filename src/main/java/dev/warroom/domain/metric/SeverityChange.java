package dev.warroom.domain.metric;

import java.time.Instant;

/** A sustained severity level changed; written to the timeline and shown in the banner. */
public record SeverityChange<L extends Enum<L>>(L from, L to, Instant at, double value) {

    public boolean escalation() {
        return to.ordinal() > from.ordinal();
    }
}
