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

    /**
     * The crisis clock, "T+hh:mm" (hours keep counting past 24: T+71:59); "T−00:05" (a minus sign)
     * before the start. Anything before the start reads as before it: 54 s early is T−00:01, never T+00:00.
     */
    public String clock(Instant now) {
        return clock(startedAt, now);
    }

    public static String clock(Instant start, Instant now) {
        Duration d = Duration.between(start, now);
        if (d.isNegative()) {
            long seconds = d.abs().toMillis();
            long minutes = (seconds + 59_999) / 60_000;
            return "T\u2212" + twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60);
        }
        long minutes = d.toMinutes();
        return "T+" + twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60);
    }

    /** At least two digits ("07", "72", "100"): the report writes thousands of crisis times, String.format is slow. */
    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
