package dev.warroom.crisis.report;

import dev.warroom.domain.Crisis;
import dev.warroom.domain.Eta;
import dev.warroom.domain.metric.Metric;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes times, durations and figures (the same in Markdown and HTML). */
final class ReportFormat {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private final Instant start;
    private final ZoneId zone;

    ReportFormat(Instant start, ZoneId zone) {
        this.start = start;
        this.zone = zone;
    }

    /** "T+02:05" on the crisis clock. */
    String clock(Instant at) {
        return Crisis.clock(start, at);
    }

    String clock(long epochMillis) {
        return clock(Instant.ofEpochMilli(epochMillis));
    }

    /** "2026-11-23 10:05:00" in the report's zone. */
    String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    String day(Instant at) {
        return at == null ? "" : DAY.format(at.atZone(zone));
    }

    String zoneName() {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** "31h 20m", "45m", "30s"; negative durations get a minus sign. */
    static String duration(Duration d) {
        if (d == null) {
            return "unknown";
        }
        Duration a = d.abs();
        String text = a.getSeconds() < 60 ? a.getSeconds() + "s" : Eta.describe(a);
        return d.isNegative() && !a.isZero() ? "−" + text : text;
    }

    /** A metric value with its unit: "12.3x", "0.42 %", "1,250 ms", "99.95 %". */
    static String figure(Metric m, double v) {
        if (Double.isNaN(v)) {
            return "no data";
        }
        return switch (m) {
            case TRAFFIC_MULTIPLE -> String.format(Locale.ROOT, "%.1fx", v);
            case UPTIME -> String.format(Locale.ROOT, "%.3f %%", v);
            case ERROR_RATE, CPU, MEMORY, CACHE_HIT, CONVERSION, RETENTION_24H ->
                    String.format(Locale.ROOT, "%.2f %%", v);
            case P95_LATENCY -> String.format(Locale.ROOT, "%,.0f ms", v);
            case SIGNUPS_PER_HOUR -> String.format(Locale.ROOT, "%,.0f/h", v);
            default -> String.format(Locale.ROOT, "%,.1f %s", v, m.unit());
        };
    }

    /** A plain number for axes: "1,200", "0.5", "99.9". */
    static String axis(double v) {
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
