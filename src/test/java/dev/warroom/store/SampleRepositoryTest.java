package dev.warroom.store;

import dev.warroom.testing.Backend;
import dev.warroom.testing.PostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on H2 and on PostgreSQL (team mode): the same tests, both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@ExtendWith(PostgresExtension.class)
class SampleRepositoryTest {
    @Parameter
    Backend backend;


    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private javax.sql.DataSource dataSource;

    @BeforeEach
    void migrate() {
        db = backend.open(dir, "warroom");
        dataSource = db.dataSource();
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        db.close();
    }

    @Test
    void insertsABatchAndQueriesByMetricAndRange() throws Exception {
        SampleRepository repository = new SampleRepository(dataSource);
        List<MetricSample> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(new MetricSample(Metric.CPU, T0.plusSeconds(i), 50 + i));
            batch.add(new MetricSample(Metric.MEMORY, T0.plusSeconds(i), 70));
        }
        repository.insert(batch);
        List<MetricSample> cpu = repository.samples(Metric.CPU, T0.plusSeconds(2), T0.plusSeconds(5));
        assertEquals(List.of(new MetricSample(Metric.CPU, T0.plusSeconds(2), 52),
                new MetricSample(Metric.CPU, T0.plusSeconds(3), 53),
                new MetricSample(Metric.CPU, T0.plusSeconds(4), 54)), cpu);
        assertEquals(20, repository.rowCounts()[0]);
    }

    @Test
    void aFailingBatchStoresNothing() throws Exception {
        SampleRepository repository = new SampleRepository(dataSource);
        List<MetricSample> batch = List.of(new MetricSample(Metric.CPU, T0, 1),
                new MetricSample(Metric.CPU, T0.plusSeconds(1), Double.NaN));
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("ALTER TABLE metric_sample ADD CONSTRAINT finite CHECK (val < 1e300 AND val = val)");
        }
        StoreException e = assertThrows(StoreException.class, () -> repository.insert(batch));
        assertTrue(e.getCause() instanceof SQLException, "the database refusal is kept as the cause");
        assertEquals(0, repository.rowCounts()[0]);
    }

    @Test
    void compactionFoldsOldSamplesIntoMinuteBucketsAndKeepsSpikes() throws Exception {
        SampleRetention retention = new SampleRetention(Duration.ofMinutes(10), Duration.ofMinutes(1),
                Duration.ofHours(1));
        SampleRepository repository = new SampleRepository(dataSource, retention);
        List<MetricSample> batch = new ArrayList<>();
        for (int i = 0; i < 20 * 60; i++) {
            batch.add(new MetricSample(Metric.ERROR_RATE, T0.plusSeconds(i), i == 125 ? 90 : 1 + (i % 60) / 60.0));
        }
        repository.insert(batch);
        repository.compact(T0.plus(Duration.ofMinutes(20)));

        List<SampleBucket> buckets = repository.buckets(Metric.ERROR_RATE, T0, T0.plus(Duration.ofHours(1)));
        assertEquals(20, buckets.size(), "every minute gets its bucket as its samples arrive");
        SampleBucket third = buckets.get(2);
        assertEquals(T0.plus(Duration.ofMinutes(2)), third.start());
        assertEquals(1, third.min());
        assertEquals(90, third.max());
        assertEquals(60, third.count());
        assertEquals(repository.samples(Metric.ERROR_RATE, T0, T0.plus(Duration.ofHours(1))).size(), 10 * 60);

        var series = repository.series(Metric.ERROR_RATE, T0, T0.plus(Duration.ofHours(1)));
        assertEquals(10 * 2 + 10 * 60, series.size());
        double max = 0;
        for (int i = 0; i < series.size(); i++) {
            max = Math.max(max, series.values()[i]);
            if (i > 0) {
                assertTrue(series.atMillis()[i] > series.atMillis()[i - 1]);
            }
        }
        assertEquals(90, max, "the spike survives downsampling");
    }

    @Test
    void storageStaysBoundedOverALongCrisis() throws Exception {
        SampleRetention retention = new SampleRetention(Duration.ofMinutes(10), Duration.ofMinutes(1),
                Duration.ofMinutes(60));
        SampleRepository repository = new SampleRepository(dataSource, retention);
        Duration compactEvery = Duration.ofMinutes(5);
        int metrics = 2;
        long rawBound = metrics * (retention.raw().plus(compactEvery).plus(retention.bucket()).toSeconds());
        long bucketBound = metrics * (retention.buckets().toMinutes() + 1);
        long maxRaw = 0;
        long maxBuckets = 0;
        Instant now = T0;
        for (int step = 0; step < 2 * 60 / 5; step++) { // two hours at 1 Hz, written five minutes at a time
            List<MetricSample> batch = new ArrayList<>(600);
            for (int s = 0; s < 300; s++) {
                Instant at = now.plusSeconds(s);
                batch.add(new MetricSample(Metric.CPU, at, 40 + s % 7));
                batch.add(new MetricSample(Metric.ERROR_RATE, at, 0.5));
            }
            repository.insert(batch);
            now = now.plus(compactEvery);
            repository.compact(now);
            long[] counts = repository.rowCounts();
            maxRaw = Math.max(maxRaw, counts[0]);
            maxBuckets = Math.max(maxBuckets, counts[1]);
        }
        assertTrue(maxRaw <= rawBound, "raw rows " + maxRaw + " exceed bound " + rawBound);
        assertTrue(maxBuckets <= bucketBound, "rollup rows " + maxBuckets + " exceed bound " + bucketBound);
        long rolledMinutes = retention.buckets().minus(retention.raw()).minus(compactEvery).toMinutes();
        assertTrue(maxBuckets >= metrics * rolledMinutes,
                "rollups were kept for their window, " + maxBuckets);
        // 14,400 samples were written; far fewer remain.
        long[] end = repository.rowCounts();
        assertTrue(end[0] + end[1] < 14_400 / 4, "rows left: " + end[0] + " raw + " + end[1] + " rollups");
    }
}
