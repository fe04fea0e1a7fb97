package dev.warroom.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricCatalogueTest {

    @Test
    void kpiBandsFollowTheSeeds() {
        assertEquals(Band.OK, Metric.P95_LATENCY.band(499));
        assertEquals(Band.WARN, Metric.P95_LATENCY.band(500));
        assertEquals(Band.CRITICAL, Metric.P95_LATENCY.band(2000));
        assertEquals(Band.OK, Metric.ERROR_RATE.band(0.99));
        assertEquals(Band.WARN, Metric.ERROR_RATE.band(1));
        assertEquals(Band.CRITICAL, Metric.ERROR_RATE.band(5));
        assertEquals(Band.OK, Metric.UPTIME.band(99.9));
        assertEquals(Band.WARN, Metric.UPTIME.band(99.7));
        assertEquals(Band.CRITICAL, Metric.UPTIME.band(99.4));
        assertEquals(Band.CRITICAL, Metric.DB_CONNECTIONS_FREE.band(4));
        assertEquals(Band.NONE, Metric.SIGNUPS_PER_HOUR.band(500));
    }

    @Test
    void saneRangeRejectsGarbage() {
        assertTrue(Metric.CPU.range().contains(100));
        assertFalse(Metric.CPU.range().contains(100.5));
        assertFalse(Metric.CPU.range().contains(-1));
        assertFalse(Metric.CPU.range().contains(Double.NaN));
        assertFalse(Metric.REQUESTS_PER_SECOND.range().contains(Double.POSITIVE_INFINITY));
    }

    @Test
    void keysAreUniqueAndFindable() {
        for (Metric m : Metric.values()) {
            assertEquals(m, Metric.byKey(m.key()).orElseThrow());
        }
        assertTrue(Metric.byKey("nope").isEmpty());
    }

    @Test
    void trendColourFollowsMeaningNotDirection() {
        long[] t = {0, 60_000, 120_000};
        Trend errorsUp = Trend.of(Metric.ERROR_RATE, t, new double[] {1, 2, 3}, 3, 0, 120_000);
        assertEquals(Trend.Direction.UP, errorsUp.direction());
        assertEquals(Trend.Meaning.BAD, errorsUp.meaning());
        assertEquals(2, errorsUp.change(), 1e-9);
        Trend signupsUp = Trend.of(Metric.SIGNUPS_PER_HOUR, t, new double[] {100, 200, 300}, 3, 0, 120_000);
        assertEquals(Trend.Meaning.GOOD, signupsUp.meaning());
        Trend flat = Trend.of(Metric.CPU, t, new double[] {50, 50.2, 50.1}, 3, 0, 120_000);
        assertEquals(Trend.Direction.FLAT, flat.direction());
        assertEquals(Trend.Meaning.NEUTRAL, flat.meaning());
        assertEquals(Trend.UNKNOWN, Trend.of(Metric.CPU, t, new double[] {50, 1, 1}, 1, 0, 120_000));
        Trend trafficDown = Trend.of(Metric.TRAFFIC_MULTIPLE, t, new double[] {9, 5, 1}, 3, 0, 120_000);
        assertEquals(Trend.Direction.DOWN, trafficDown.direction());
        assertEquals(Trend.Meaning.NEUTRAL, trafficDown.meaning());
    }
}
