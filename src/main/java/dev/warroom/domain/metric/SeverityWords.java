package dev.warroom.domain.metric;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * What the severity banner says, in words that never contradict the numbers beside it.
 *
 * <ul>
 *   <li>Before the first value: "NO DATA", never "NORMAL" or "NO INCIDENT".</li>
 *   <li>When values stopped arriving: the last level with "STALE since … ago".</li>
 *   <li>While a change builds up: "→ SURGE in 0:40 · traffic 24x now" instead of the range of
 *       the old level, which the current value breaks.</li>
 *   <li>Otherwise the range of the level, which the current value is in.</li>
 * </ul>
 */
public final class SeverityWords {
    private SeverityWords() {
    }

    /** "SURGE", "TRAFFIC NORMAL", or "TRAFFIC: NO DATA". */
    public static String scaleHeadline(SeverityStatus<ScaleSeverity> s) {
        if (s.signal() == SignalState.NO_DATA) {
            return "TRAFFIC: NO DATA";
        }
        return s.level() == ScaleSeverity.NORMAL ? "TRAFFIC NORMAL" : s.level().name();
    }

    /** "SEV-2", "NO INCIDENT", or "ERRORS: NO DATA". */
    public static String incidentHeadline(SeverityStatus<IncidentSeverity> s) {
        if (s.signal() == SignalState.NO_DATA) {
            return "ERRORS: NO DATA";
        }
        return s.level() == IncidentSeverity.NONE ? "NO INCIDENT" : s.level().label();
    }

    /** The line beside the scale headline. */
    public static String scaleDetail(SeverityStatus<ScaleSeverity> s, Instant now) {
        return switch (s.signal()) {
            case NO_DATA -> "No traffic figure yet: scale severity unknown";
            case STALE -> "STALE since " + ago(s.lastValueAt(), now) + " · last traffic " + traffic(s.value());
            case FRESH -> s.pending() != null
                    ? pending(s.pending().to().name(), s.pending(), now, "traffic " + traffic(s.value()))
                    : scaleRange(s.level());
        };
    }

    /** The line beside the incident headline. */
    public static String incidentDetail(SeverityStatus<IncidentSeverity> s, Instant now) {
        return switch (s.signal()) {
            case NO_DATA -> "No error-rate figure yet: incident severity unknown";
            case STALE -> "STALE since " + ago(s.lastValueAt(), now) + " · last error rate " + errors(s.value());
            case FRESH -> s.pending() != null
                    ? pending(incidentName(s.pending().to()), s.pending(), now,
                            "errors " + errors(s.value()))
                    : incidentRange(s.level());
        };
    }

    private static String pending(String to, SustainedSeverity.Pending<?> p, Instant now, String value) {
        return "→ " + to + " in " + clock(p.remaining(now)) + " · " + value + " now";
    }

    private static String incidentName(IncidentSeverity level) {
        return level == IncidentSeverity.NONE ? "NO INCIDENT" : level.label();
    }

    public static String scaleRange(ScaleSeverity level) {
        return switch (level) {
            case VIRAL -> "Traffic above 50x normal — all hands, emergency scaling mode";
            case SURGE -> "Traffic 10–50x normal — dedicated scaling team, scaling sprint";
            case GROWTH -> "Traffic 2–10x normal — accelerate capacity planning";
            case NORMAL -> "Traffic within 2x of normal";
        };
    }

    public static String incidentRange(IncidentSeverity level) {
        return switch (level) {
            case SEV1 -> "Error rate above 50 %";
            case SEV2 -> "Error rate 10–50 %";
            case SEV3 -> "Error rate 5–10 %";
            case NONE -> "Error rate under 5 %";
        };
    }

    /** "24x", "8.9x", "49.96x": as many decimals as it takes to keep the figure in its own level. */
    public static String traffic(double multiple) {
        return exact(multiple, multiple >= 10 ? 0 : 1, v -> ScaleSeverity.ofTrafficMultiple(v)) + "x";
    }

    /** "3.1 %", "9.96 %": as many decimals as it takes to keep the figure in its own level. */
    public static String errors(double percent) {
        return exact(percent, 1, v -> IncidentSeverity.ofErrorRate(v)) + " %";
    }

    private static String exact(double v, int decimals, DoubleFunction<Enum<?>> level) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        Enum<?> own = level.apply(v);
        String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
        for (int d = decimals + 1; d <= 4 && level.apply(Double.parseDouble(text)) != own; d++) {
            text = String.format(Locale.ROOT, "%." + d + "f", v);
        }
        return text;
    }

    /** "0:40", "4:05", "1:02:03"; rounded up so a change still to come never reads 0:00. */
    public static String clock(Duration d) {
        long s = (d.toMillis() + 999) / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** "just now", "40 s ago", "3 min ago", "2 h ago". */
    public static String ago(Instant at, Instant now) {
        long s = at == null ? 0 : Math.max(0, Duration.between(at, now).getSeconds());
        if (s < 2) {
            return "just now";
        }
        if (s < 90) {
            return s + " s ago";
        }
        return s < 90 * 60 ? (s / 60) + " min ago" : (s / 3600) + " h ago";
    }
}
