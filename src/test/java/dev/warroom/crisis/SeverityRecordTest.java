package dev.warroom.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityChange;
import dev.warroom.domain.metric.SignalState;
import dev.warroom.config.MetricsConfigLoader;
import dev.warroom.metrics.MetricsFeed;
import dev.warroom.config.SeverityTiming;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a restart the banner starts from the severities the record last declared. */
class SeverityRecordTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    @TempDir
    Path dir;

    @Test
    void aRestartedFeedStartsFromTheLastRecordedLevels() throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (Database db = Database.open(dir.resolve("sev"))) {
            assertEquals(new SeverityRecord.Levels(ScaleSeverity.NORMAL, IncidentSeverity.NONE),
                    SeverityRecord.last(db), "nothing recorded yet");
            MetricsRecorder recorder = new MetricsRecorder(db, clock, change -> { });
            recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.NORMAL, ScaleSeverity.GROWTH, T0, 4));
            recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.GROWTH, ScaleSeverity.SURGE,
                    T0.plusSeconds(120), 14));
            recorder.incidentChanged(new SeverityChange<>(IncidentSeverity.NONE, IncidentSeverity.SEV2,
                    T0.plusSeconds(60), 13.8));
            recorder.flush();
            recorder.close();
        }
        try (Database db = Database.open(dir.resolve("sev"))) {
            MetricsFeed feed = new MetricsFeed(clock, 100, Duration.ofMinutes(5), MetricsConfigLoader.defaultRules(),
                    SeverityTiming.DEFAULT);
            SeverityRecord.restore(db, feed);
            assertEquals(ScaleSeverity.SURGE, feed.scaleSeverity());
            assertEquals(IncidentSeverity.SEV2, feed.incidentSeverity());
            assertEquals(ScaleSeverity.SURGE, feed.drain().scaleStatus().level());
            assertEquals(SignalState.NO_DATA, feed.scaleStatus().signal(), "restored, but no figure yet");
        }
    }
}
