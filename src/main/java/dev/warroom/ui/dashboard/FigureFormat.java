package dev.warroom.ui.dashboard;

import dev.warroom.domain.metric.Metric;
import java.time.Duration;
import java.util.Locale;

/** Numbers as a war room reads them: "99.2", "1.2 s", "45,000", "$2,400", "52x". */
public final class FigureFormat {
    private FigureFormat() {
    }

    /** Value text and the unit to show beside it. */
    public static String[] of(Metric metric, double v) {
        if (!Double.isFinite(v)) {
            return new String[] {"—", metric.unit()};
        }
        return switch (metric.unit()) {
            case "%" -> new String[] {String.format(Locale.ROOT, v >= 99.95 || v < 10 ? "%.2f" : "%.1f", v), "%"};
            case "ms" -> v >= 1000 ? new String[] {String.format(Locale.ROOT, "%.2f", v / 1000), "s"}
                    : new String[] {String.format(Locale.ROOT, "%.0f", v), "ms"};
            case "x" -> new String[] {String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.1f", v), "x normal"};
            case "$/h" -> new String[] {"$" + String.format(Locale.ROOT, "%,.0f", v), "/hour"};
            default -> new String[] {String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.1f", v), metric.unit()};
        };
    }

    /** "now", "4 s ago", "3 min ago", "2 h ago". */
    public static String age(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 2) {
            return "just now";
        }
        if (s < 90) {
            return s + " s ago";
        }
        if (s < 90 * 60) {
            return (s / 60) + " min ago";
        }
        return (s / 3600) + " h ago";
    }
}
