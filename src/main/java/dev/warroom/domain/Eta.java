package dev.warroom.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and showing ETAs the way people say them in a war room. */
public final class Eta {
    private static final Pattern RELATIVE = Pattern.compile(
            "(?i)^\\s*(?:(\\d{1,3})\\s*h(?:ours?|rs?)?)?\\s*(?:(\\d{1,4})\\s*m(?:in(?:utes?|s)?)?)?\\s*$");
    private static final Pattern CLOCK = Pattern.compile("^\\s*(\\d{1,2}):(\\d{2})\\s*$");
    static final Duration MAX_AHEAD = Duration.ofDays(14);

    private Eta() {
    }

    /**
     * "4h", "90m", "1h30m", "2 hours" are relative to {@code now}; "16:30" is the next time the
     * wall clock in {@code zone} shows 16:30. Blank means no ETA (null).
     */
    public static Instant parse(String text, Instant now, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher clock = CLOCK.matcher(text);
        if (clock.matches()) {
            int h = Integer.parseInt(clock.group(1));
            int m = Integer.parseInt(clock.group(2));
            if (h > 23 || m > 59) {
                throw new InvalidInputException("eta", "ETA \"" + text.strip() + "\" is not a time of day (00:00 to 23:59).");
            }
            ZonedDateTime local = now.atZone(zone);
            ZonedDateTime at = local.with(LocalTime.of(h, m));
            if (!at.toInstant().isAfter(now)) {
                at = at.plusDays(1);
            }
            return at.toInstant();
        }
        Matcher rel = RELATIVE.matcher(text);
        if (rel.matches() && (rel.group(1) != null || rel.group(2) != null)) {
            long hours = rel.group(1) == null ? 0 : Long.parseLong(rel.group(1));
            long minutes = rel.group(2) == null ? 0 : Long.parseLong(rel.group(2));
            Duration d = Duration.ofHours(hours).plusMinutes(minutes);
            if (d.isZero()) {
                throw new InvalidInputException("eta", "ETA \"" + text.strip() + "\" is zero; leave it blank if nobody knows yet.");
            }
            if (d.compareTo(MAX_AHEAD) > 0) {
                throw new InvalidInputException("eta", "ETA \"" + text.strip() + "\" is more than 14 days away; a crisis ETA is hours.");
            }
            return now.plus(d);
        }
        throw new InvalidInputException("eta", "ETA \"" + text.strip()
                + "\" is not understood: write a duration like 4h, 90m, 1h30m or a clock time like 16:30.");
    }

    /** "3h 12m left", "45m left", "due now", "5m overdue", "2h 03m overdue". */
    public static String remaining(Instant eta, Instant now) {
        Duration left = Duration.between(now, eta);
        boolean overdue = left.isNegative();
        Duration abs = left.abs();
        long minutes = overdue ? abs.toMinutes() : (abs.getSeconds() + 59) / 60;
        if (minutes == 0) {
            return "due now";
        }
        String span = span(minutes);
        return overdue ? span + " overdue" : span + " left";
    }

    static String span(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) {
            return m + "m";
        }
        return m == 0 ? h + "h" : h + "h " + (m < 10 ? "0" : "") + m + "m";
    }

    /** A short description of a duration for messages: "1h", "45m", "1h 30m". */
    public static String describe(Duration d) {
        return span(Math.max(0, d.toMinutes()));
    }
}
