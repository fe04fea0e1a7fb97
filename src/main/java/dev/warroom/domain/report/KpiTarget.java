package dev.warroom.domain.report;

import dev.warroom.domain.metric.Metric;

/**
 * The seed's success metrics for "stable again" (seed 000, Success Metrics; seed 002 KPIs): p95 under
 * 500 ms, error rate under 1 %, availability above 99.9 %. A target is judged on the mean of the metric
 * over the final hour of the crisis (see {@link #FINAL_WINDOW_MINUTES}).
 */
public enum KpiTarget {
    P95(Metric.P95_LATENCY, "p95 response time", false, 500, "< 500 ms"),
    ERROR_RATE(Metric.ERROR_RATE, "Error rate", false, 1, "< 1 %"),
    AVAILABILITY(Metric.UPTIME, "Availability", true, 99.9, "> 99.9 %");

    /** The stretch a target is judged over: the last hour before the crisis was declared stable. */
    public static final int FINAL_WINDOW_MINUTES = 60;

    /** A target is judged only when its samples span at least this much of the final window. */
    public static final java.time.Duration JUDGED_FROM = java.time.Duration.ofMinutes(30);

    private final Metric metric;
    private final String label;
    private final boolean above;
    private final double limit;
    private final String text;

    KpiTarget(Metric metric, String label, boolean above, double limit, String text) {
        this.metric = metric;
        this.label = label;
        this.above = above;
        this.limit = limit;
        this.text = text;
    }

    public Metric metric() {
        return metric;
    }

    public String label() {
        return label;
    }

    /** "&lt; 500 ms", as the seed writes it. */
    public String text() {
        return text;
    }

    public double limit() {
        return limit;
    }

    /** Strictly on the good side of the limit; NaN is never met. */
    public boolean met(double value) {
        return above ? value > limit : value < limit;
    }

    /** The worst of two values in this target's sense. */
    public double worse(SeriesStats s) {
        return above ? s.min() : s.max();
    }
}
