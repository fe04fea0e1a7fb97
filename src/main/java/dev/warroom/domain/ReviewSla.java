package dev.warroom.domain;

import java.time.Duration;

/** How long a card may sit in a column before it is in breach (seed: REVIEW 1 h). */
public record ReviewSla(Column column, Duration allowed) {
    /** Share of the allowed time after which a card turns amber. */
    public static final double WARNING_SHARE = 0.8;

    public ReviewSla {
        if (allowed == null || allowed.isNegative() || allowed.isZero()) {
            throw new InvalidInputException("sla." + column.name(), "SLA for " + column.title()
                    + " must be a positive duration, was " + allowed + ".");
        }
    }

    public Duration warnAfter() {
        return Duration.ofMillis((long) (allowed.toMillis() * WARNING_SHARE));
    }
}
