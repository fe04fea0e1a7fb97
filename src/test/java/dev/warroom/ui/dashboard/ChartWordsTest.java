package dev.warroom.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.MetricHistory;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.DecimatedSeries;
import dev.warroom.domain.metric.Metric;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart window's words: event labels, the read-out at the mouse, the status line. */
class ChartWordsTest {
    private static final Instant FROM = Instant.parse("2026-12-02T14:00:00Z");
    private static final long T0 = FROM.toEpochMilli();

    private static TimelineEvent event(EventKind kind, String subject, String summary) {
        return TimelineEvent.of(FROM.plusSeconds(60), "system", kind, subject, summary, null, null);
    }

    @Test
    void eventTicksSayWhatHappened() {
        assertEquals("SURGE", ChartWords.label(event(EventKind.SCALE_SEVERITY_CHANGED, "scale",
                "Scale severity GROWTH → SURGE (traffic 24.0x)")));
        assertEquals("SEV-2", ChartWords.label(event(EventKind.INCIDENT_SEVERITY_CHANGED, "incident",
                "Incident severity SEV-3 → SEV-2 (error rate 7.1 %)")));
        assertEquals("source down", ChartWords.label(event(EventKind.SOURCE_DOWN, "source:prom",
                "Metric source \"prom\" down: connection refused")));
        assertEquals("source back", ChartWords.label(event(EventKind.SOURCE_BACK, "source:prom",
                "Metric source \"prom\" back after 46s")));
        assertEquals("high-error-rate firing", ChartWords.label(event(EventKind.ALERT_STATE_CHANGED,
                "alert:high-error-rate", "Alert \"high-error-rate\" pending → firing (Error rate 7.1)")));
        assertEquals("message sent", ChartWords.label(event(EventKind.COMMS_SENT, "comms:status-page", "Sent")));
        assertEquals("debt logged", ChartWords.label(event(EventKind.DEBT_LOGGED, "debt:1", "Logged")));
    }

    /** p95 every 10 s from 14:00:00 to 14:01:00, then the source is down until 14:05:00 (a gap), then back. */
    private static MetricHistory.Chart p95WithAGap() {
        long[] at = {T0, T0 + 10_000, T0 + 20_000, T0 + 30_000, T0 + 40_000, T0 + 50_000, T0 + 60_000,
            T0 + 61_000, T0 + 300_000, T0 + 310_000};
        double[] v = {180, 190, 1370, 200, 210, 220, 230, Double.NaN, 400, 410};
        return new MetricHistory.Chart(Metric.P95_LATENCY, FROM, FROM.plusSeconds(900),
                new DecimatedSeries(at, v, at.length), List.of(event(EventKind.SOURCE_DOWN, "source:prom", "down")),
                40, true, 10_000);
    }

    @Test
    void theReadOutShowsTheStoredPointAtTheMouseWithItsTimeAndUnit() {
        MetricHistory.Chart c = p95WithAGap();
        assertEquals("14:00:20 · 1,370 ms", ChartWords.readout(c, T0 + 21_000, 1_000, ZoneOffset.UTC),
                "the nearest stored point, in the tile's unit");
        assertEquals("14:00:30 · 200 ms", ChartWords.readout(c, T0 + 27_000, 1_000, ZoneOffset.UTC));
    }

    @Test
    void theReadOutNeverMakesUpAValueInsideAGap() {
        MetricHistory.Chart c = p95WithAGap();
        assertEquals("14:03:00 · no data (gap)", ChartWords.readout(c, T0 + 180_000, 1_000, ZoneOffset.UTC),
                "not a value between 230 and 400");
        assertEquals("14:01:00 · 230 ms", ChartWords.readout(c, T0 + 60_500, 1_000, ZoneOffset.UTC),
                "the last point before the gap is still read at its own column");
        assertTrue(ChartWords.readout(c, T0 + 299_000, 1_000, ZoneOffset.UTC).startsWith("14:05:00 · 400"),
                "the first point after it likewise");
        assertTrue(ChartWords.readout(c, T0 + 800_000, 1_000, ZoneOffset.UTC).endsWith("no data (gap)"),
                "nothing after the last point");
        assertFalse(ChartWords.pointAt(c, T0 + 150_000, 1_000).isPresent());
    }

    @Test
    void aLongSilenceWithoutAMarkerIsAGapToo() {
        long[] at = {T0, T0 + 1_000, T0 + 200_000};
        double[] v = {1, 2, 3};
        MetricHistory.Chart c = new MetricHistory.Chart(Metric.ERROR_RATE, FROM, FROM.plusSeconds(900),
                new DecimatedSeries(at, v, 3), List.of(), 3, true, 10_000);
        assertFalse(ChartWords.pointAt(c, T0 + 100_000, 1_000).isPresent());
        assertEquals(1, ChartWords.pointAt(c, T0 + 1_500, 1_000).orElseThrow());
        assertFalse(ChartWords.pointAt(c, T0 + 5_000, 1_000).isPresent(), "the source went quiet after 14:00:01");
    }

    @Test
    void theStatusLineIsPlainWords() {
        String status = ChartWords.status(p95WithAGap(), "15 min");
        assertEquals("Last 15 min · 40 samples · highs and lows all shown · 1 gap (no data) · 1 event"
                + " · dashed: target and critical · updates live", status);
        assertFalse(status.contains("pixel column"), status);
        MetricHistory.Chart longRange = new MetricHistory.Chart(Metric.TRAFFIC_MULTIPLE, FROM, FROM.plusSeconds(21_600),
                new DecimatedSeries(new long[] {T0, T0 + 60_000}, new double[] {1, 2}, 2), List.of(), 2, false, 60_000);
        assertEquals("Last 6 h · 2 minutes of samples · every sample shown · 0 events · updates live",
                ChartWords.status(longRange, "6 h"));
    }
}
