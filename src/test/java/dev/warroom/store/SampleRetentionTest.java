package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention deletes exactly what is past its window, in small batches, and nothing else. */
class SampleRetentionTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final SampleRetention RETENTION =
            new SampleRetention(Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofHours(3));

    @TempDir
    Path dir;
    private SampleRepository repository;

    @BeforeEach
    void migrate() {
        String url = "jdbc:h2:file:" + dir.resolve("warroom").toAbsolutePath() + ";WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "sa", "").locations(Dialect.H2.migrations()).load().migrate();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        repository = new SampleRepository(dataSource, RETENTION);
    }

    @Test
    void keepsExactlyTheRawWindowAndTheBucketWindowForEveryMetric() {
        // four hours of CPU at 1 s (more rows than several batches), two metrics every 10 s
        List<MetricSample> samples = new ArrayList<>();
        for (int s = 0; s < 4 * 3600; s++) {
            Instant at = T0.plusSeconds(s);
            samples.add(new MetricSample(Metric.CPU, at, s % 100));
            if (s % 10 == 0) {
                samples.add(new MetricSample(Metric.ERROR_RATE, at, 1));
                samples.add(new MetricSample(Metric.DB_CONNECTIONS_FREE, at, 20));
            }
        }
        for (int from = 0; from < samples.size(); from += 5_000) {
            repository.insert(samples.subList(from, Math.min(samples.size(), from + 5_000)));
        }
        Instant now = T0.plus(Duration.ofHours(4)).plusSeconds(30);

        RetentionPass pass = repository.compact(now);

        // raw cut at the bucket boundary at or before now - 1 h; buckets kept from now - 3 h
        Instant rawCut = T0.plus(Duration.ofHours(3));
        Instant bucketCut = now.minus(Duration.ofHours(3));
        Instant far = T0.plus(Duration.ofDays(1));
        for (Metric m : List.of(Metric.CPU, Metric.ERROR_RATE, Metric.DB_CONNECTIONS_FREE)) {
            List<MetricSample> expected = samples.stream().filter(s -> s.metric() == m && !s.at().isBefore(rawCut))
                    .toList();
            assertEquals(expected, repository.samples(m, T0.minusSeconds(1), far), m + " raw samples");
            List<Instant> buckets = repository.buckets(m, T0.minusSeconds(1), far).stream()
                    .map(SampleBucket::start).toList();
            List<Instant> expectedBuckets = new ArrayList<>();
            for (Instant b = T0; b.isBefore(T0.plus(Duration.ofHours(4))); b = b.plus(Duration.ofMinutes(1))) {
                if (!b.isBefore(bucketCut)) {
                    expectedBuckets.add(b);
                }
            }
            assertEquals(expectedBuckets, buckets, m + " buckets");
        }
        long deletedRaw = samples.stream().filter(s -> s.at().isBefore(rawCut)).count();
        // buckets starting before the cut go, including the one the cut falls in (T0 + 60 min)
        long deletedBuckets = 3 * (Duration.between(T0, bucketCut).toMinutes() + 1);
        assertEquals(deletedRaw + deletedBuckets, pass.rows(), "rows deleted");
        assertTrue(pass.batches() >= deletedRaw / SampleRepository.RETENTION_BATCH_ROWS,
                "deletes in batches of at most " + SampleRepository.RETENTION_BATCH_ROWS + ": " + pass);
        assertEquals(0, repository.compact(now).rows(), "a second pass finds nothing left to delete");
    }

    @Test
    void aRepeatedSampleReplacesTheEarlierOne() {
        repository.insert(List.of(new MetricSample(Metric.CPU, T0, 10), new MetricSample(Metric.MEMORY, T0, 20)));
        repository.insert(List.of(new MetricSample(Metric.CPU, T0, 11)));
        assertEquals(List.of(new MetricSample(Metric.CPU, T0, 11)),
                repository.samples(Metric.CPU, T0, T0.plusSeconds(1)));
        assertEquals(2, repository.rowCounts()[0]);
    }

    @Test
    void everyCatalogueMetricHasItsOwnStorageCode() {
        assertEquals(Metric.values().length, Arrays.stream(Metric.values()).map(SampleKey::code).distinct().count());
        assertEquals(Metric.values().length, SampleKey.CODES.size());
    }
}
