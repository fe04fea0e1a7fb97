package dev.warroom.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration format of the app, for configuration files and forms alike: parts from hours down
 * to milliseconds, each at most once and in that order, each a whole or decimal number — {@code 500ms},
 * {@code 90s}, {@code 1.5m} (or {@code 1.5min}), {@code 1h30m}, {@code 1h 30m}, {@code 2h} — or ISO-8601
 * ({@code PT1H30M}).
 */
public final class Durations {
    /** What to tell a person who wrote something else. */
    public static final String EXPECTED = "a duration such as \"500ms\", \"90s\", \"1.5m\", \"1h30m\" or \"2h\"";

    private static final String NUMBER = "(\\d{1,9}(?:\\.\\d{1,9})?)";
    private static final Pattern SHORT = Pattern.compile("(?i)^\\s*(?:" + NUMBER + "\\s*h)?\\s*(?:" + NUMBER
            + "\\s*m(?:in)?(?!s))?\\s*(?:" + NUMBER + "\\s*s)?\\s*(?:" + NUMBER + "\\s*ms)?\\s*$");
    private static final long[] MILLIS_PER_UNIT = {3_600_000L, 60_000L, 1_000L, 1L};

    private Durations() {
    }

    /** Parses {@code text}; {@code field} names the input in the error message. */
    public static Duration parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, field + " is empty; expected " + EXPECTED + ".");
        }
        String t = text.strip();
        if (t.toUpperCase(Locale.ROOT).startsWith("PT")) {
            try {
                Duration iso = Duration.parse(t.toUpperCase(Locale.ROOT));
                if (iso.isNegative()) {
                    throw new InvalidInputException(field, field + " \"" + t + "\" is negative; expected " + EXPECTED + ".");
                }
                return iso;
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException(field, field + " \"" + t + "\" is not an ISO-8601 duration.");
            }
        }
        Matcher m = SHORT.matcher(t);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null && m.group(4) == null)) {
            throw new InvalidInputException(field, field + " \"" + t + "\" is not a duration; expected " + EXPECTED + ".");
        }
        BigDecimal millis = BigDecimal.ZERO;
        for (int i = 0; i < MILLIS_PER_UNIT.length; i++) {
            if (m.group(i + 1) != null) {
                millis = millis.add(new BigDecimal(m.group(i + 1)).multiply(BigDecimal.valueOf(MILLIS_PER_UNIT[i])));
            }
        }
        return Duration.ofMillis(millis.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** "1h", "45m", "1h 30m", "30s", "500ms". */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s == 0 && d.toMillis() > 0) {
            return d.toMillis() + "ms";
        }
        if (s < 60) {
            return s + "s";
        }
        return Eta.span(s / 60);
    }
}
