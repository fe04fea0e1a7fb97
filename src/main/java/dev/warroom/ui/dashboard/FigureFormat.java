package dev.warroom.ui.dashboard;

import dev.warroom.domain.metric.Band;
import dev.warroom.domain.metric.Metric;
import java.time.Duration;
import java.util.Locale;

/** Numbers as a war room reads them: "99.2", "1.2 s", "45,000", "$2,400", "52x". */
public final class FigureFormat {
    private FigureFormat() {
    }

    /** The most decimals a figure gets to show which side of a KPI limit it is on. */
    private static final int MAX_DECIMALS = 4;

    /**
     * Value text and the unit to show beside it. A figure with KPI bands keeps as many decimals as it
     * takes for the text to fall in the same band as the value: 99.867 % (warning, under 99.9) reads
     * "99.867", never "99.9" like the healthy 99.933.
     */
    public static String[] of(Metric metric, double v) {
        String[] plain = plain(metric, v);
        if (!Double.isFinite(v) || !metric.bands().defined()) {
            return plain;
        }
        Band band = metric.band(v);
        double scale = metric.unit().equals("ms") && plain[1].equals("s") ? 1000 : 1;
        String text = plain[0];
        int decimals = decimals(text);
        while (metric.band(parse(text) * scale) != band && decimals < MAX_DECIMALS) {
            decimals++;
            text = String.format(Locale.ROOT, "%." + decimals + "f", v / scale);
        }
        return new String[] {text, plain[1]};
    }

    private static int decimals(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? 0 : text.length() - dot - 1;
    }

    private static double parse(String text) {
        return Double.parseDouble(text.replace(",", "").replace("$", ""));
    }

    private static String[] plain(Metric metric, double v) {
        if (!Double.isFinite(v)) {
            return new String[] {"—", metric.unit()};
        }
        return switch (metric.unit()) {
            case "%" -> new String[] {String.format(Locale.ROOT, v >= 99.95 || v < 10 ? "%.2f" : "%.1f", v), "%"};
            case "ms" -> v >= 1000 ? new String[] {String.format(Locale.ROOT, "%.2f", v / 1000), "s"}
                    : new String[] {String.format(Locale.ROOT, "%.0f", v), "ms"};
            case "x" -> new String[] {String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.1f", v), "x normal"};
            case "$/h" -> new String[] {"$" + String.format(Locale.ROOT, "%,.0f", v), "/h"};
            // counted things are whole: "47 conns", never "47.0 conns"
            case "conns", "users", "/h" -> new String[] {String.format(Locale.ROOT, "%,.0f", v), metric.unit()};
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
