package dev.warroom.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Metric;
import org.junit.jupiter.api.Test;

/** The chart's value axis stays within what the metric can be. */
class ChartScaleTest {

    @Test
    void anErrorRateAxisNeverGoesBelowZero() {
        ChartScale s = ChartScale.of(Metric.ERROR_RATE, 0.0, 2.3);
        assertEquals(0.0, s.lo(), 1e-12, "no −0.19 % on the axis");
        assertTrue(s.hi() >= 5, "the critical threshold (5 %) is on the chart: " + s.hi());
    }

    @Test
    void uptimeNeverGoesAbove100AndLatencyNeverBelowZero() {
        ChartScale up = ChartScale.of(Metric.UPTIME, 99.7, 100.0);
        assertEquals(100.0, up.hi(), 1e-12);
        assertTrue(up.lo() < 99.5, "the critical line (99.5 %) is shown: " + up.lo());
        ChartScale p95 = ChartScale.of(Metric.P95_LATENCY, 12, 180);
        assertTrue(p95.lo() >= 0, "p95 axis from " + p95.lo());
    }

    @Test
    void aFlatLineAtTheFloorStillHasAnAxis() {
        ChartScale s = ChartScale.of(Metric.TRAFFIC_MULTIPLE, 0, 0);
        assertEquals(0, s.lo(), 1e-12);
        assertTrue(s.hi() > s.lo());
        assertEquals(0.5, ChartScale.of(Metric.TRAFFIC_MULTIPLE, 10, 20).fraction(15), 1e-9);
    }

    @Test
    void axisLabelsAreRoundNumbers() {
        assertEquals(java.util.List.of(0.0, 500.0, 1000.0, 1500.0, 2000.0), new ChartScale(0, 2149).ticks());
        java.util.List<Double> uptime = new ChartScale(99.45, 100).ticks();
        assertTrue(uptime.size() >= 3 && uptime.stream().allMatch(v -> v >= 99.45 && v <= 100), uptime.toString());
        for (double v : new ChartScale(0, 7.3).ticks()) {
            assertEquals(0, Math.abs(v * 2 - Math.rint(v * 2)), 1e-9, "steps of 0.5, 1, 2 or 2.5: " + v);
        }
    }
}
