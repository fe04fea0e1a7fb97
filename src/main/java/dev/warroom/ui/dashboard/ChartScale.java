package dev.warroom.ui.dashboard;

import dev.warroom.domain.metric.KpiBands;
import dev.warroom.domain.metric.Metric;

/**
 * The value axis of a metric chart: the data and the KPI thresholds with a little room around them, but
 * never beyond what the metric can be (an error rate is never below 0 %, uptime never above 100 %), so the
 * axis does not invent impossible values such as "−0.19 %".
 *
 * @param lo the value at the bottom of the plot
 * @param hi the value at the top
 */
record ChartScale(double lo, double hi) {
    private static final double PAD = 0.08;

    /** The axis for values from {@code min} to {@code max} (finite) of {@code metric}. */
    static ChartScale of(Metric metric, double min, double max) {
        KpiBands bands = metric.bands();
        if (bands.defined()) {
            min = Math.min(min, Math.min(bands.okLimit(), bands.criticalLimit()));
            max = Math.max(max, Math.max(bands.okLimit(), bands.criticalLimit()));
        }
        if (max - min < 1e-9) {
            max = min + 1;
        }
        double pad = (max - min) * PAD;
        double lo = Math.max(metric.range().min(), min - pad);
        double hi = Math.min(metric.range().max(), max + pad);
        if (hi - lo < 1e-9) {
            lo = Math.max(metric.range().min(), hi - 1);
        }
        return new ChartScale(lo, hi);
    }

    /**
     * Round values for the axis labels and grid lines, three to six of them: 0, 500, 1,000, 1,500 … rather
     * than the even quarters of the range (537, 1,074, 1,612).
     */
    java.util.List<Double> ticks() {
        double raw = (hi - lo) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * 10;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        java.util.List<Double> ticks = new java.util.ArrayList<>();
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(step);
        for (long k = (long) Math.ceil(lo / step - 1e-9); ; k++) {
            double v = exact.multiply(java.math.BigDecimal.valueOf(k)).doubleValue();
            if (v > hi + step * 1e-9) {
                break;
            }
            ticks.add(v == 0 ? 0.0 : v);
        }
        return ticks;
    }

    /** Where {@code v} sits from the bottom (0) to the top (1). */
    double fraction(double v) {
        return (v - lo) / (hi - lo);
    }
}
