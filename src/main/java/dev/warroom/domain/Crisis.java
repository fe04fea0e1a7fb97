package dev.warroom.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A named scale crisis with its start (possibly back-dated to when the surge began).
 *
 * @param drill true for an exercise rather than a real crisis: the demo, or a crisis started while the
 *              dashboard showed simulated data. The record and the report say so.
 */
public record Crisis(long id, String name, Instant startedAt, Instant endedAt, long version, boolean drill) {
    public static final int MAX_NAME = 80;

    /** A real crisis (not a drill). */
    public Crisis(long id, String name, Instant startedAt, Instant endedAt, long version) {
        this(id, name, startedAt, endedAt, version, false);
    }

    public static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new InvalidInputException("name", "Crisis name is empty: name it so the record makes sense later, "
                    + "e.g. \"Launch-day signup surge\".");
        }
        if (n.length() > MAX_NAME) {
            throw new InvalidInputException("name", "Crisis name is longer than " + MAX_NAME + " characters.");
        }
        return PlainText.check("name", "Crisis name", n, false);
    }

    public boolean active() {
        return endedAt == null;
    }

    /** The crisis clock, "T+hh:mm" (hours keep counting past 24: T+71:59); "T-00:05" before the start. */
    public String clock(Instant now) {
        return clock(startedAt, now);
    }

    public static String clock(Instant start, Instant now) {
        Duration d = Duration.between(start, now);
        long minutes = d.abs().toMinutes();
        String sign = d.isNegative() && minutes > 0 ? "-" : "+";
        return String.format("T%s%02d:%02d", sign, minutes / 60, minutes % 60);
    }
}
