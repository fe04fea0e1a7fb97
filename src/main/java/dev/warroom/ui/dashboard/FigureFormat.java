package dev.warroom.ui.dashboard;

import dev.warroom.domain.Durations;
import dev.warroom.domain.metric.AlertRule;
import dev.warroom.domain.metric.AlertStatus;
import dev.warroom.domain.metric.Band;
import dev.warroom.domain.metric.Metric;
import java.time.Duration;
import java.util.Locale;

/**
 * Numbers as a war room reads them: "99.2", "1,370", "45,000", "$2,400", "52x". One unit per metric key
 * everywhere: a p95 response time is in milliseconds on its tile, in the alert list, on the chart and in
 * the timeline, never "1.37" in one place and "1,370 ms" in another.
 */
public final class FigureFormat {
    private FigureFormat() {
    }

    /** Trailing zeros after a decimal point, and a point left with nothing after it. */
    private static final java.util.regex.Pattern TRAILING_ZEROS = java.util.regex.Pattern.compile("0+$");
    private static final java.util.regex.Pattern BARE_POINT = java.util.regex.Pattern.compile("\\.$");

    /** The most decimals a figure gets to show which side of a KPI limit it is on. */
    private static final int MAX_DECIMALS = 4;

    /**
     * Value text and the unit to show beside it. A figure with KPI bands keeps as many decimals as it
     * takes for the text to fall in the same band as the value: 99.867 % (warning, under 99.9) reads
     * "99.867", never "99.9" like the healthy 99.933.
     */
    public static String[] of(Metric metric, double v) {
        if (dev.warroom.domain.metric.UnitCheck.suspicion(metric, v).isPresent()) {
            // a unit factor off (0.999 for 99.9 %): show the digits as they came, not "1.00 %"
            String digits = trimmed(String.format(Locale.ROOT, "%.5f", v));
            return new String[] {digits, metric.unit()};
        }
        String[] plain = plain(metric, v);
        if (!Double.isFinite(v) || !metric.bands().defined()) {
            return plain;
        }
        Band band = metric.band(v);
        String text = plain[0];
        int decimals = decimals(text);
        while (metric.band(parse(text)) != band && decimals < MAX_DECIMALS) {
            decimals++;
            text = String.format(Locale.ROOT, "%,." + decimals + "f", v);
        }
        return new String[] {text, plain[1]};
    }

    /** Value and unit in one piece, as the alert list and the chart's read-out show it: "1,370 ms", "52x normal". */
    public static String withUnit(Metric metric, double v) {
        return joined(of(metric, v));
    }

    private static String joined(String[] figure) {
        if (figure[1].isEmpty() || figure[1].startsWith("/")) {
            return figure[0] + figure[1];
        }
        return figure[1].startsWith("x") ? figure[0] + figure[1] : figure[0] + " " + figure[1];
    }

    /**
     * A threshold in the unit and format of the tile, without the trailing zeros a measured value keeps
     * ("5 %", "2,000 ms", "99.9 %").
     */
    public static String threshold(Metric metric, double v) {
        String[] figure = of(metric, v);
        String text = figure[0].contains(".") ? trimmed(figure[0]) : figure[0];
        return joined(new String[] {text, figure[1]});
    }

    /**
     * What the alert list says under a rule's name: the condition and the value now, in the same unit and
     * format as the tile ("Response time p95 > 2,000 ms for 2m · now 1,370 ms").
     */
    public static String alertDetail(AlertStatus a) {
        AlertRule r = a.rule();
        String hold = r.sustainedFor().isZero() ? " at once" : " for " + Durations.format(r.sustainedFor());
        String now = Double.isFinite(a.lastValue()) ? " · now " + withUnit(r.metric(), a.lastValue()) : "";
        return r.metric().label() + " " + r.comparison().symbol() + " " + threshold(r.metric(), r.threshold()) + hold
                + now;
    }

    private static String trimmed(String digits) {
        return BARE_POINT.matcher(TRAILING_ZEROS.matcher(digits).replaceAll("")).replaceAll("");
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
            case "ms" -> new String[] {String.format(Locale.ROOT, v < 10 ? "%.1f" : "%,.0f", v), "ms"};
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
