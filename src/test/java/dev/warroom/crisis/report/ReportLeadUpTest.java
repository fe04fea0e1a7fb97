package dev.warroom.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.MetricsRecorder;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityChange;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crisis declared after the numbers had been climbing for 20 minutes, and stable 22 minutes later: the
 * report tells the lead-up from its first signal with T− clocks, and does not judge "final hour" targets
 * on 22 minutes of data.
 */
class ReportLeadUpTest {
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-23T10:22:00Z");

    @TempDir
    Path dir;

    @Test
    void theLeadUpIsInTheStoryWithNegativeClocksAndShortCrisesAreNotJudged() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T07:55:00Z"));
        try (Database db = Database.open(dir.resolve("leadup"))) {
            MetricsRecorder recorder = new MetricsRecorder(db, clock, change -> { });
            // an earlier blip that calmed down again is not part of this crisis's story
            recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.NORMAL, ScaleSeverity.GROWTH,
                    Instant.parse("2026-11-23T08:00:00Z"), 3));
            recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.GROWTH, ScaleSeverity.NORMAL,
                    Instant.parse("2026-11-23T08:30:00Z"), 1.5));
            // the lead-up
            recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.NORMAL, ScaleSeverity.GROWTH,
                    Instant.parse("2026-11-23T09:40:00Z"), 3));
            recorder.incidentChanged(new SeverityChange<>(IncidentSeverity.NONE, IncidentSeverity.SEV3,
                    Instant.parse("2026-11-23T09:45:00Z"), 1.5));
            recorder.incidentChanged(new SeverityChange<>(IncidentSeverity.SEV3, IncidentSeverity.SEV2,
                    Instant.parse("2026-11-23T09:52:00Z"), 6));
            recorder.scaleChanged(new SeverityChange<>(ScaleSeverity.GROWTH, ScaleSeverity.SURGE,
                    Instant.parse("2026-11-23T09:59:06Z"), 11));
            recorder.flush();
            clock.set(START);
            CrisisService crises = new CrisisService(db, clock, "alice");
            long id = crises.start("Signup surge", START).id();
            List<MetricSample> samples = new ArrayList<>();
            for (Instant t = START; t.isBefore(END); t = t.plusSeconds(10)) {
                samples.add(new MetricSample(Metric.P95_LATENCY, t, 250));
                samples.add(new MetricSample(Metric.ERROR_RATE, t, 3.0));
                samples.add(new MetricSample(Metric.UPTIME, t, 99.95));
            }
            db.samples().insert(samples);
            clock.set(END);
            crises.declareStable();

            ReportService.Report r = ScriptedCrisis.service(db, clock).build(id, null, null);
            String md = r.markdown();
            List<PostMortem.SeverityStep> steps = r.postMortem().severity();
            assertEquals(Instant.parse("2026-11-23T09:40:00Z"), steps.get(0).at(),
                    "the severity history starts with the first signal of the lead-up: " + steps);
            assertEquals(List.of("GROWTH", "SEV-3", "SEV-2", "SURGE"), steps.stream().limit(4)
                    .map(PostMortem.SeverityStep::to).toList());
            assertTrue(md.contains("| T−00:20 | 2026-11-23 09:40:00 | Scale | NORMAL | GROWTH |"), md);
            assertTrue(md.contains("| T−00:15 | 2026-11-23 09:45:00 | Incident | none | SEV-3 |"), md);
            assertTrue(md.contains("| T−00:01 | 2026-11-23 09:59:06 | Scale | GROWTH | SURGE |"), md);
            assertFalse(md.contains("2026-11-23 08:00:00"), "the calmed-down blip two hours earlier is left out");
            assertTrue(md.contains("Time to detect: -54s") || md.contains("Time to detect: −54s")
                    || md.contains("First signal at T−00:01"), md);

            for (PostMortem.KpiCheck k : r.postMortem().kpis()) {
                assertEquals(PostMortem.Verdict.TOO_LITTLE_DATA, k.verdict(), k.target().label());
            }
            assertFalse(md.contains("MISSED"), "22 minutes of data is not a missed final-hour target: " + md);
            assertTrue(md.contains("| Error rate | \\< 1 % | 3.00 % | 3.00 % | 132 | too little data |"), md);
            assertTrue(md.contains("3 could not be judged: too little data"), md);
        }
    }
}
