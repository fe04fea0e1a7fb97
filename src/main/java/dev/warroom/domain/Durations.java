package dev.warroom.domain;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in config and forms: "1h", "45m", "1h30m", "90s", or ISO "PT1H". */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile(
            "(?i)^\\s*(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m(?:in)?)?\\s*(?:(\\d+)\\s*s)?\\s*$");

    private Durations() {
    }

    /** Parses {@code text}; {@code field} names the input in the error message. */
    public static Duration parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, field + " is empty; write a duration like 1h, 45m or 1h30m.");
        }
        String t = text.strip();
        if (t.toUpperCase().startsWith("PT")) {
            try {
                return Duration.parse(t.toUpperCase());
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException(field, field + " \"" + t + "\" is not an ISO-8601 duration.");
            }
        }
        Matcher m = SHORT.matcher(t);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
            throw new InvalidInputException(field, field + " \"" + t + "\" is not a duration; write 1h, 45m, 1h30m or 90s.");
        }
        Duration d = Duration.ZERO;
        if (m.group(1) != null) {
            d = d.plusHours(Long.parseLong(m.group(1)));
        }
        if (m.group(2) != null) {
            d = d.plusMinutes(Long.parseLong(m.group(2)));
        }
        if (m.group(3) != null) {
            d = d.plusSeconds(Long.parseLong(m.group(3)));
        }
        return d;
    }

    /** "1h", "45m", "1h 30m", "30s". */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        return Eta.span(s / 60);
    }
}
