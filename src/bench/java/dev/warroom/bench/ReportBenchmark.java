package dev.warroom.bench;

import dev.warroom.crisis.ChecklistLoader;
import dev.warroom.crisis.report.ReportService;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the post-mortem of a 72-hour crisis: an H2 file holding raw samples at 1 s for the four
 * charted metrics over the whole 72 h (4 × 259,200 rows, what the 72 h raw retention keeps) and 2,000
 * timeline events, read, measured, decimated to 800 px and rendered to Markdown and HTML. Target: at most
 * 1 s per report. The setup prints the size of both renderings.
 *
 * <pre>mvn -Pbench -q package -DskipTests && java -jar target/benchmarks.jar Report -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReportBenchmark {
    private static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    private static final Duration LENGTH = Duration.ofHours(72);
    private static final int EVENTS = 2_000;
    private static final EventKind[] KINDS = {EventKind.CARD_MOVED, EventKind.CARD_CREATED, EventKind.CARD_EDITED,
            EventKind.ALERT_STATE_CHANGED, EventKind.SCALE_SEVERITY_CHANGED, EventKind.COMMS_SENT,
            EventKind.DECISION_RECORDED, EventKind.WIP_OVERRIDE, EventKind.SLA_BREACHED, EventKind.CHECKLIST_TICKED};

    private Path dir;
    private Database db;
    private ReportService reports;
    private long crisisId;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        dir = Files.createTempDirectory("warroom-report-bench");
        db = Database.open(dir.resolve("bench"));
        Instant end = START.plus(LENGTH);
        crisisId = db.write(tx -> tx.insertCrisis(new Crisis(0, "Bench surge", START, end, 0))).id();
        db.write(tx -> {
            for (int i = 0; i < EVENTS; i++) {
                Instant at = START.plusMillis(LENGTH.toMillis() * i / EVENTS);
                EventKind k = KINDS[i % KINDS.length];
                String after = k == EventKind.SCALE_SEVERITY_CHANGED ? "{\"level\":\"SURGE\",\"trafficMultiple\":12}"
                        : k == EventKind.ALERT_STATE_CHANGED ? "{\"state\":\"FIRING\"}" : "{\"n\":" + i + "}";
                tx.append(TimelineEvent.of(at, "alice", k, "card:" + (i % 40),
                        "\"Card " + (i % 40) + " <scale>\" did something | event " + i, "{}", after));
            }
            return null;
        });
        List<MetricSample> batch = new ArrayList<>(40_000);
        long seconds = LENGTH.toSeconds();
        for (long s = 0; s < seconds; s++) {
            Instant t = START.plusSeconds(s);
            double wave = Math.sin(s / 5000.0);
            batch.add(new MetricSample(Metric.TRAFFIC_MULTIPLE, t, 10 + 8 * wave + (s % 97) / 50.0));
            batch.add(new MetricSample(Metric.ERROR_RATE, t, Math.max(0, 2 + 2 * wave)));
            batch.add(new MetricSample(Metric.P95_LATENCY, t, 600 + 400 * wave + (s % 13)));
            batch.add(new MetricSample(Metric.UPTIME, t, 99.9 - Math.abs(wave) / 5));
            if (batch.size() >= 40_000) {
                db.samples().insert(batch);
                batch.clear();
            }
        }
        db.samples().insert(batch);
        reports = new ReportService(db, Clock.fixed(end.plusSeconds(600), ZoneOffset.UTC), ZoneOffset.UTC,
                ChecklistLoader.loadBuiltIn(), List.of());
        ReportService.Report r = reports.build(crisisId, null, null);
        System.out.printf("%nReport of %d events and %,d samples: Markdown %,d bytes, HTML %,d bytes%n",
                r.postMortem().timeline().size(), 4 * seconds, r.markdown().getBytes().length,
                r.html().getBytes().length);
    }

    @Benchmark
    public ReportService.Report buildReport() {
        return reports.build(crisisId, null, null);
    }

    @TearDown(Level.Trial)
    public void drop() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
