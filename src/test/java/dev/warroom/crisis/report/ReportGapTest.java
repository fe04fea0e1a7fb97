package dev.warroom.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.CrisisService;
import dev.warroom.domain.metric.DecimatedSeries;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source down for 84 s is a break in the report's chart, not a straight line across the outage. */
class ReportGapTest {
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant DOWN = START.plusSeconds(600);
    private static final Instant BACK = DOWN.plusSeconds(84);

    @TempDir
    Path dir;

    @Test
    void anOutageIsAGapInTheChartAndSteadySamplingIsNot() {
        MutableClock clock = new MutableClock(START);
        try (Database db = Database.open(dir.resolve("gap"))) {
            CrisisService crises = new CrisisService(db, clock, "alice");
            long id = crises.start("Surge", START).id();
            List<MetricSample> samples = new ArrayList<>();
            for (Instant t = START; t.isBefore(START.plusSeconds(1800)); t = t.plusSeconds(5)) {
                samples.add(new MetricSample(Metric.TRAFFIC_MULTIPLE, t, 12));
                if (t.isBefore(DOWN) || !t.isBefore(BACK)) {
                    samples.add(new MetricSample(Metric.ERROR_RATE, t, 2.5));
                }
            }
            db.samples().insert(samples);
            clock.set(START.plusSeconds(1800));
            crises.declareStable();

            PostMortem pm = ScriptedCrisis.service(db, clock).build(id, null, null).postMortem();
            DecimatedSeries errors = pm.series(Metric.ERROR_RATE).chart();
            int breaks = 0;
            for (int i = 0; i < errors.size(); i++) {
                if (Double.isNaN(errors.values()[i])) {
                    breaks++;
                    assertTrue(errors.atMillis()[i] > DOWN.toEpochMilli() - 10_000
                            && errors.atMillis()[i] < BACK.toEpochMilli() + 10_000, "the break is at the outage");
                }
            }
            assertEquals(1, breaks, "one break for one outage");
            DecimatedSeries traffic = pm.series(Metric.TRAFFIC_MULTIPLE).chart();
            for (int i = 0; i < traffic.size(); i++) {
                assertTrue(Double.isFinite(traffic.values()[i]), "steady 5 s sampling has no gap");
            }
        }
    }
}
