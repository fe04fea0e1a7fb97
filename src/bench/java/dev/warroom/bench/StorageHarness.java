package dev.warroom.bench;

import dev.warroom.crisis.MetricsRecorder;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.store.Database;
import dev.warroom.store.RetentionPass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Storage harness: writes {@code hours} of 14 metrics at one sample a second through the recorder's own
 * path ({@link MetricsRecorder#samplesAccepted} then {@link MetricsRecorder#flush} every 2 s, as its
 * writer thread does), on a simulated clock so 72 hours take minutes, and prints the database file size
 * every few simulated hours plus how long each retention batch took.
 *
 * <pre>mvn -Pbench -q package -DskipTests
 * java -cp target/benchmarks.jar dev.warroom.bench.StorageHarness [hours] [dir]</pre>
 *
 * The last line is machine-readable: {@code RESULT hours=… fileMB=… at72hMB=… peakMB=… retentionMaxMs=…}. Run past 72
 * hours to see retention delete the oldest raw samples and the file stay bounded.
 */
public final class StorageHarness {

    private StorageHarness() {
    }

    /** A clock the harness moves forward by hand. */
    static final class SimClock extends Clock {
        private volatile Instant now;

        SimClock(Instant start) {
            this.now = start;
        }

        void advanceMillis(long ms) {
            now = now.plusMillis(ms);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static void main(String[] args) throws IOException, SQLException {
        double hours = args.length > 0 ? Double.parseDouble(args[0]) : 72;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("warroom-storage");
        int reportEveryHours = hours > 24 ? 6 : 1;
        Files.createDirectories(dir);
        Path base = dir.resolve("storage");
        Metric[] metrics = Arrays.copyOf(Metric.values(), 14);
        SimClock clock = new SimClock(Instant.parse("2026-11-01T00:00:00Z"));
        SplittableRandom random = new SplittableRandom(14);
        double[] level = new double[metrics.length];
        Arrays.fill(level, 50);
        long seconds = (long) (hours * 3600);
        long wallStart = System.nanoTime();
        long peak = 0;
        double longestBatch = 0;
        long retentionBatches = 0;
        RetentionPass seen = null;
        double longestFlush = 0;
        long at72 = -1;
        System.out.printf(Locale.ROOT, "Storage harness: %.0f h of %d metrics at 1 s into %s%n", hours,
                metrics.length, base);
        System.out.println("  sim h   file MB   peak MB   wall s   raw rows   retention batches / longest ms"
                + "   longest flush ms");
        try (Database db = Database.open(base)) {
            // H2 reuses a dead chunk's space only after its retention time (45 s of wall-clock time by default,
            // about 22 commits of the real recorder). This harness runs hundreds of times faster than real time,
            // so every simulated 10 minutes it sets the retention time to the wall time the last 45 simulated
            // seconds took here; otherwise it would measure its own speed, not the app.
            Connection side = DriverManager.getConnection("jdbc:h2:file:" + base + ";WRITE_DELAY=0", "sa", "");
            Statement st = side.createStatement();
            retentionTime(st, 1_000);
            long windowStart = System.nanoTime();
            MetricsRecorder recorder = new MetricsRecorder(db, clock, change -> { });
            List<MetricSample> tick = new ArrayList<>(metrics.length);
            for (long s = 1; s <= seconds; s++) {
                clock.advanceMillis(1000);
                tick.clear();
                for (int m = 0; m < metrics.length; m++) {
                    level[m] = Math.max(0, Math.min(100, level[m] + random.nextDouble(-1, 1)));
                    tick.add(new MetricSample(metrics[m], clock.instant(), Math.round(level[m] * 100) / 100.0));
                }
                recorder.samplesAccepted("harness", tick);
                if (s % 2 == 0) {
                    long t0 = System.nanoTime();
                    recorder.flush();
                    longestFlush = Math.max(longestFlush, (System.nanoTime() - t0) / 1e6);
                }
                if (s % 600 == 0) {
                    double wallPerSimSecond = (System.nanoTime() - windowStart) / 1e6 / 600;
                    retentionTime(st, (long) Math.ceil(45 * wallPerSimSecond));
                    windowStart = System.nanoTime();
                    peak = Math.max(peak, Files.size(db.file()));
                    RetentionPass pass = recorder.lastRetention();
                    if (pass != seen) {
                        seen = pass;
                        longestBatch = Math.max(longestBatch, pass.longestBatchMillis());
                        retentionBatches += pass.batches();
                    }
                }
                if (s == 72 * 3600L) {
                    at72 = Files.size(db.file());
                }
                if (s % (reportEveryHours * 3600L) == 0 || s == seconds) {
                    long size = Files.size(db.file());
                    peak = Math.max(peak, size);
                    System.out.printf(Locale.ROOT, "  %5.0f   %7.1f   %7.1f   %6.0f   %8d   %d / %.1f   %.0f%n", s / 3600.0,
                            mb(size), mb(peak), (System.nanoTime() - wallStart) / 1e9, db.samples().rowCounts()[0],
                            retentionBatches, longestBatch, longestFlush);
                }
            }
            recorder.flush();
            st.close();
            side.close();
            long size = Files.size(db.file());
            System.out.printf(Locale.ROOT, "RESULT hours=%.0f fileMB=%.1f at72hMB=%s peakMB=%.1f retentionBatches=%d"
                    + " retentionMaxMs=%.1f flushMaxMs=%.0f%n", hours, mb(size),
                    at72 < 0 ? "-" : String.format(Locale.ROOT, "%.1f", mb(at72)), mb(Math.max(peak, size)),
                    retentionBatches, longestBatch, longestFlush);
        } finally {
            if (args.length < 2) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static void retentionTime(Statement st, long millis) throws SQLException {
        st.execute("SET RETENTION_TIME " + Math.max(1, millis));
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }
}
