package dev.warroom.bench;

import dev.warroom.crisis.ChecklistLoader;
import dev.warroom.crisis.report.ReportService;
import dev.warroom.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
    private static final Instant START = PerfFixtures.START;
    private static final Duration LENGTH = PerfFixtures.LENGTH;
    private static final int EVENTS = 2_000;

    private Path dir;
    private Database db;
    private ReportService reports;
    private long crisisId;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        dir = Files.createTempDirectory("warroom-report-bench");
        db = Database.open(dir.resolve("bench"));
        Instant end = START.plus(LENGTH);
        long seconds = LENGTH.toSeconds();
        crisisId = PerfFixtures.crisis72(db, EVENTS);
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
