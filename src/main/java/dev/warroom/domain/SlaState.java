package dev.warroom.domain;

import java.time.Duration;
import java.time.Instant;

/** Where one card stands against its column's SLA at one instant. */
public record SlaState(Level level, Duration remaining) {
    public enum Level { NONE, OK, WARNING, BREACHED }

    public static final SlaState NONE = new SlaState(Level.NONE, Duration.ZERO);

    public static SlaState of(Card card, ReviewSla sla, Instant now) {
        if (sla == null || sla.column() != card.column()) {
            return NONE;
        }
        Duration spent = Duration.between(card.enteredColumnAt(), now);
        Duration remaining = sla.allowed().minus(spent);
        Level level;
        if (spent.compareTo(sla.allowed()) >= 0) {
            level = Level.BREACHED;
        } else if (spent.compareTo(sla.warnAfter()) >= 0) {
            level = Level.WARNING;
        } else {
            level = Level.OK;
        }
        return new SlaState(level, remaining);
    }

    /** "42:10 left" or "breached 5:03 ago" as minutes:seconds (hours when large). */
    public String countdown() {
        if (level == Level.NONE) {
            return "";
        }
        Duration d = remaining.abs();
        long s = d.getSeconds();
        String clock = s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
        return remaining.isNegative() || remaining.isZero() ? "breached " + clock + " ago" : clock + " left";
    }
}
