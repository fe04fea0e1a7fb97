package dev.warroom.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When a crisis began, as the commander types it: blank for now, "14:05", "45m ago", "2026-11-23 14:05". */
public final class CrisisStart {
    private static final Pattern CLOCK = Pattern.compile("^\\s*(\\d{1,2}):(\\d{2})\\s*$");
    private static final Pattern AGO = Pattern.compile("(?i)^\\s*(.+?)\\s+ago\\s*$");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Duration MAX_BACK = Duration.ofDays(30);

    private CrisisStart() {
    }

    public static Instant parse(String text, Instant now, ZoneId zone) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("now")) {
            return now;
        }
        String t = text.strip();
        Instant at;
        Matcher clock = CLOCK.matcher(t);
        Matcher ago = AGO.matcher(t);
        if (clock.matches()) {
            int h = Integer.parseInt(clock.group(1));
            int m = Integer.parseInt(clock.group(2));
            if (h > 23 || m > 59) {
                throw new InvalidInputException("start", "Start \"" + t + "\" is not a time of day (00:00 to 23:59).");
            }
            ZonedDateTime candidate = now.atZone(zone).with(LocalTime.of(h, m));
            if (candidate.toInstant().isAfter(now)) {
                candidate = candidate.minusDays(1);
            }
            at = candidate.toInstant();
        } else if (ago.matches()) {
            Duration back = Durations.parse(ago.group(1), "start");
            at = now.minus(back);
        } else {
            try {
                at = LocalDateTime.parse(t, FULL).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("start", "Start \"" + t + "\" is not understood: leave it blank for now, "
                        + "or write 14:05, 45m ago, or 2026-11-23 14:05.");
            }
        }
        if (at.isAfter(now.plusSeconds(60))) {
            throw new InvalidInputException("start", "Start \"" + t + "\" is in the future; a crisis starts now or earlier.");
        }
        if (Duration.between(at, now).compareTo(MAX_BACK) > 0) {
            throw new InvalidInputException("start", "Start \"" + t + "\" is more than 30 days ago.");
        }
        return at;
    }
}
