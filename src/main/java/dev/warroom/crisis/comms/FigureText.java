package dev.warroom.crisis.comms;

import dev.warroom.domain.metric.Metric;
import java.util.Locale;

/** Metric values as a message writes them: "50x", "99.8%", "420 ms", "1.4 s", "12,400". */
final class FigureText {
    private FigureText() {
    }

    static String of(Metric metric, double v) {
        return switch (metric) {
            case TRAFFIC_MULTIPLE -> (v < 10 ? trim(String.format(Locale.ROOT, "%.1f", v)) : String.format(Locale.ROOT,
                    "%.0f", v)) + "x";
            case UPTIME, ERROR_RATE, CONVERSION, RETENTION_24H, CPU, MEMORY, CACHE_HIT ->
                    trim(String.format(Locale.ROOT, v >= 99 && v < 100 ? "%.2f" : "%.1f", v)) + "%";
            case P95_LATENCY -> v >= 1000 ? trim(String.format(Locale.ROOT, "%.1f", v / 1000)) + " s"
                    : String.format(Locale.ROOT, "%.0f ms", v);
            default -> String.format(Locale.US, "%,d", Math.round(v));
        };
    }

    private static String trim(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
