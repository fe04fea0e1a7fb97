package dev.warroom.store;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Metric samples in the database: raw samples in the layout of {@code V10__compact_sample_layout.sql} (see
 * {@link SampleKey}), one-minute rollups from {@code V2}. Inserts are batched, one transaction per batch; call from a single writer thread, never the FX thread.
 * {@link #compact(Instant)} applies the {@link SampleRetention} so storage stays bounded.
 */
public final class SampleRepository {

    /** Stores a sample, replacing one of the same metric at the same millisecond. */
    private static final String UPSERT = "MERGE INTO metric_sample t USING (SELECT CAST(? AS BIGINT) AS sample_key,"
            + " CAST(? AS DOUBLE PRECISION) AS val) s ON t.sample_key = s.sample_key"
            + " WHEN MATCHED THEN UPDATE SET val = s.val"
            + " WHEN NOT MATCHED THEN INSERT (sample_key, val) VALUES (s.sample_key, s.val)";
    /** The same replacement as an upsert for PostgreSQL (MERGE only arrived in version 15). */
    private static final String UPSERT_POSTGRESQL = "INSERT INTO metric_sample (sample_key, val) VALUES (?, ?)"
            + " ON CONFLICT (sample_key) DO UPDATE SET val = EXCLUDED.val";
    private static final String SELECT_RAW = "SELECT sample_key, val FROM metric_sample"
            + " WHERE sample_key >= ? AND sample_key < ? ORDER BY sample_key";
    private static final String SELECT_BUCKETS = "SELECT bucket_ms, min_val, max_val, sum_val, n FROM metric_rollups"
            + " WHERE metric = ? AND bucket_ms >= ? AND bucket_ms < ? ORDER BY bucket_ms";

    /** Adds one batch's minute aggregate to its bucket (created when new). */
    private static final String ADD_TO_BUCKET = "MERGE INTO metric_rollups r USING (SELECT CAST(? AS VARCHAR(64)) AS metric,"
            + " CAST(? AS BIGINT) AS bucket_ms, CAST(? AS DOUBLE PRECISION) AS min_val,"
            + " CAST(? AS DOUBLE PRECISION) AS max_val, CAST(? AS DOUBLE PRECISION) AS sum_val, CAST(? AS BIGINT) AS n) s"
            + " ON r.metric = s.metric AND r.bucket_ms = s.bucket_ms"
            + " WHEN MATCHED THEN UPDATE SET min_val = LEAST(r.min_val, s.min_val),"
            + " max_val = GREATEST(r.max_val, s.max_val), sum_val = r.sum_val + s.sum_val, n = r.n + s.n"
            + " WHEN NOT MATCHED THEN INSERT (metric, bucket_ms, min_val, max_val, sum_val, n)"
            + " VALUES (s.metric, s.bucket_ms, s.min_val, s.max_val, s.sum_val, s.n)";

    /** PostgreSQL before 15 has no MERGE: the same bucket update as an upsert. */
    private static final String ADD_TO_BUCKET_POSTGRESQL = "INSERT INTO metric_rollups (metric, bucket_ms, min_val,"
            + " max_val, sum_val, n) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (metric, bucket_ms) DO UPDATE SET"
            + " min_val = LEAST(metric_rollups.min_val, EXCLUDED.min_val),"
            + " max_val = GREATEST(metric_rollups.max_val, EXCLUDED.max_val),"
            + " sum_val = metric_rollups.sum_val + EXCLUDED.sum_val, n = metric_rollups.n + EXCLUDED.n";

    private final DataSource dataSource;
    private final DataSource writes;
    private final SampleRetention retention;

    public SampleRepository(DataSource dataSource, SampleRetention retention) {
        this(dataSource, dataSource, retention);
    }

    /** Reads from {@code dataSource}, writes (inserts, compaction) only through {@code writes}. */
    SampleRepository(DataSource dataSource, DataSource writes, SampleRetention retention) {
        this.dataSource = dataSource;
        this.writes = writes;
        this.retention = retention;
    }

    public SampleRepository(DataSource dataSource) {
        this(dataSource, SampleRetention.DEFAULT);
    }

    /**
     * Folds a batch into its minute buckets as it arrives, so long ranges (charts over hours, the
     * post-mortem) read a few thousand buckets instead of every raw sample.
     */
    private void addToBuckets(Connection c, List<MetricSample> samples) throws SQLException {
        long size = retention.bucket().toMillis();
        java.util.Map<String, double[]> buckets = new java.util.LinkedHashMap<>();
        for (MetricSample s : samples) {
            if (!Double.isFinite(s.value())) {
                continue;
            }
            long start = s.at().toEpochMilli() - Math.floorMod(s.at().toEpochMilli(), size);
            double[] b = buckets.computeIfAbsent(s.metric().key() + "|" + start, k -> new double[] {
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0});
            b[0] = Math.min(b[0], s.value());
            b[1] = Math.max(b[1], s.value());
            b[2] += s.value();
            b[3]++;
        }
        try (PreparedStatement merge = c.prepareStatement(
                Dialect.of(c) == Dialect.H2 ? ADD_TO_BUCKET : ADD_TO_BUCKET_POSTGRESQL)) {
            for (java.util.Map.Entry<String, double[]> e : buckets.entrySet()) {
                int bar = e.getKey().lastIndexOf('|');
                double[] b = e.getValue();
                merge.setString(1, e.getKey().substring(0, bar));
                merge.setLong(2, Long.parseLong(e.getKey().substring(bar + 1)));
                merge.setDouble(3, b[0]);
                merge.setDouble(4, b[1]);
                merge.setDouble(5, b[2]);
                merge.setLong(6, (long) b[3]);
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    /** Stores a batch in one transaction, raw and in its minute buckets: all or nothing. */
    public void insert(List<MetricSample> samples) {
        try {
            if (samples.isEmpty()) {
                return;
            }
            try (Connection c = writes.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement(
                        Dialect.of(c) == Dialect.H2 ? UPSERT : UPSERT_POSTGRESQL)) {
                    for (MetricSample s : samples) {
                        insert.setLong(1, SampleKey.of(s.metric(), s.at().toEpochMilli()));
                        insert.setDouble(2, s.value());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    addToBuckets(c, samples);
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not insert metric samples: " + e.getMessage(), e);
        }
    }

    /** Raw samples of a metric in [from, to), oldest first. */
    public List<MetricSample> samples(Metric metric, Instant from, Instant to) {
        try {
            List<MetricSample> out = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(SELECT_RAW)) {
                q.setLong(1, SampleKey.from(metric, from.toEpochMilli()));
                q.setLong(2, SampleKey.from(metric, to.toEpochMilli()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MetricSample(metric, Instant.ofEpochMilli(SampleKey.atMillis(rs.getLong(1))),
                                rs.getDouble(2)));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Could not samples metric samples: " + e.getMessage(), e);
        }
    }

    /** Rollup buckets of a metric starting in [from, to), oldest first. */
    public List<SampleBucket> buckets(Metric metric, Instant from, Instant to) {
        try {
            List<SampleBucket> out = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(SELECT_BUCKETS)) {
                bind(q, metric, from.toEpochMilli(), to.toEpochMilli());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        long n = rs.getLong(5);
                        out.add(new SampleBucket(metric, Instant.ofEpochMilli(rs.getLong(1)), rs.getDouble(2),
                                rs.getDouble(3), rs.getDouble(4) / n, n));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Could not buckets metric samples: " + e.getMessage(), e);
        }
    }

    /**
     * Points for a chart over [from, to): each rollup bucket contributes its min and its max
     * (at the bucket start and its middle, lower first) so spikes survive, then the raw
     * samples. Feed the result to the decimator.
     */
    public SampleSeries series(Metric metric, Instant from, Instant to) {
        List<SampleBucket> buckets = buckets(metric, from, to);
        List<MetricSample> raw = samples(metric, from, to);
        long half = retention.bucket().toMillis() / 2;
        long[] at = new long[buckets.size() * 2 + raw.size()];
        double[] values = new double[at.length];
        int n = 0;
        long firstRaw = raw.isEmpty() ? Long.MAX_VALUE : raw.get(0).at().toEpochMilli();
        for (SampleBucket b : buckets) {
            long start = b.start().toEpochMilli();
            if (start >= firstRaw) {
                break;
            }
            at[n] = start;
            values[n++] = b.min();
            if (b.max() != b.min()) {
                at[n] = start + half;
                values[n++] = b.max();
            }
        }
        for (MetricSample s : raw) {
            at[n] = s.at().toEpochMilli();
            values[n++] = s.value();
        }
        return new SampleSeries(Arrays.copyOf(at, n), Arrays.copyOf(values, n), n);
    }

    /**
     * Points for a long range from the minute buckets alone: each bucket contributes its min and its
     * max (at the bucket start and its middle), so spikes survive; {@link #buckets} has the exact
     * averages. Reads about two points a minute instead of one per raw sample.
     */
    public SampleSeries minuteSeries(Metric metric, Instant from, Instant to) {
        List<SampleBucket> buckets = buckets(metric, from, to);
        long half = retention.bucket().toMillis() / 2;
        long[] at = new long[buckets.size() * 2];
        double[] values = new double[at.length];
        int n = 0;
        for (SampleBucket b : buckets) {
            long start = b.start().toEpochMilli();
            at[n] = start;
            values[n++] = b.min();
            if (b.max() != b.min()) {
                at[n] = start + half;
                values[n++] = b.max();
            }
        }
        return new SampleSeries(Arrays.copyOf(at, n), Arrays.copyOf(values, n), n);
    }

    /** Rows one retention batch deletes at most: about 20 ms of work on a laptop, so a card move never waits long. */
    static final int RETENTION_BATCH_ROWS = 2_000;

    /**
     * Deletes raw samples older than the raw window (from a whole bucket boundary; their minute buckets
     * were written with them) and buckets past their own window. Works metric by metric along the primary
     * keys (a metric's samples are one key range), in batches of at most {@link #RETENTION_BATCH_ROWS}
     * rows, each its own short transaction, so no pass scans the table or holds a long lock. Call it
     * periodically, e.g. every 10 minutes, from the writer thread.
     */
    public RetentionPass compact(Instant now) {
        long bucket = retention.bucket().toMillis();
        long rawFrom = now.minus(retention.raw()).toEpochMilli();
        long rawCutoff = rawFrom - Math.floorMod(rawFrom, bucket);
        long bucketCutoff = now.minus(retention.buckets()).toEpochMilli();
        int batches = 0;
        long rows = 0;
        long longestNanos = 0;
        try (Connection c = writes.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Metric metric : Metric.values()) {
                    for (boolean raw : new boolean[] {true, false}) {
                        while (true) {
                            long started = System.nanoTime();
                            int deleted = raw ? deleteOldestRaw(c, metric, rawCutoff)
                                    : deleteOldestBuckets(c, metric, bucketCutoff);
                            c.commit();
                            if (deleted == 0) {
                                break;
                            }
                            batches++;
                            rows += deleted;
                            longestNanos = Math.max(longestNanos, System.nanoTime() - started);
                        }
                    }
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not delete old metric samples: " + e.getMessage(), e);
        }
        return new RetentionPass(batches, rows, longestNanos / 1_000_000.0);
    }

    /** Deletes at most {@link #RETENTION_BATCH_ROWS} of {@code metric}'s oldest raw samples before {@code cutoff}. */
    private static int deleteOldestRaw(Connection c, Metric metric, long cutoff) throws SQLException {
        long first = SampleKey.from(metric, 0);
        long bound = SampleKey.from(metric, cutoff);
        try (PreparedStatement q = c.prepareStatement("SELECT sample_key FROM metric_sample"
                + " WHERE sample_key >= ? AND sample_key < ? ORDER BY sample_key"
                + " OFFSET " + RETENTION_BATCH_ROWS + " ROWS FETCH NEXT 1 ROWS ONLY")) {
            q.setLong(1, first);
            q.setLong(2, bound);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    bound = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement d = c.prepareStatement("DELETE FROM metric_sample WHERE sample_key >= ? AND sample_key < ?")) {
            d.setLong(1, first);
            d.setLong(2, bound);
            return d.executeUpdate();
        }
    }

    /** Deletes at most {@link #RETENTION_BATCH_ROWS} of {@code metric}'s oldest buckets before {@code cutoff}. */
    private static int deleteOldestBuckets(Connection c, Metric metric, long cutoff) throws SQLException {
        long bound = cutoff;
        try (PreparedStatement q = c.prepareStatement("SELECT bucket_ms FROM metric_rollups"
                + " WHERE metric = ? AND bucket_ms < ? ORDER BY bucket_ms"
                + " OFFSET " + RETENTION_BATCH_ROWS + " ROWS FETCH NEXT 1 ROWS ONLY")) {
            q.setString(1, metric.key());
            q.setLong(2, cutoff);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    bound = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement d = c.prepareStatement("DELETE FROM metric_rollups WHERE metric = ? AND bucket_ms < ?")) {
            d.setString(1, metric.key());
            d.setLong(2, bound);
            return d.executeUpdate();
        }
    }

    /**
     * One small step of keeping the database file near the size of its live data (see
     * {@link StoreCompaction}); call it about once a minute from the writer thread. Returns how full the
     * file's chunks are afterwards (percent), or -1 where the database needs no help.
     */
    public int tidyFile() {
        try (Connection c = writes.getConnection()) {
            return StoreCompaction.step(c, StoreCompaction.STEP_BYTES);
        } catch (SQLException e) {
            throw new StoreException("Could not tidy the database file: " + e.getMessage(), e);
        }
    }

    /**
     * The last value of {@code metric} at or before {@code at}, no older than {@code maxAge}: raw samples
     * first, then minute rollups (their average) for older moments. Empty when nothing that recent exists.
     */
    public java.util.Optional<MetricSample> valueAt(Metric metric, Instant at, java.time.Duration maxAge) {
        long to = at.toEpochMilli();
        long from = at.minus(maxAge).toEpochMilli();
        try (Connection c = dataSource.getConnection();
             PreparedStatement raw = c.prepareStatement("SELECT sample_key, val FROM metric_sample WHERE sample_key <= ?"
                     + " AND sample_key >= ? ORDER BY sample_key DESC LIMIT 1");
             PreparedStatement rolled = c.prepareStatement("SELECT bucket_ms, sum_val / n FROM metric_rollups"
                     + " WHERE metric = ? AND bucket_ms <= ? AND bucket_ms >= ? ORDER BY bucket_ms DESC LIMIT 1")) {
            raw.setLong(1, SampleKey.from(metric, to));
            raw.setLong(2, SampleKey.from(metric, from));
            try (ResultSet rs = raw.executeQuery()) {
                if (rs.next()) {
                    return java.util.Optional.of(new MetricSample(metric,
                            Instant.ofEpochMilli(SampleKey.atMillis(rs.getLong(1))), rs.getDouble(2)));
                }
            }
            rolled.setString(1, metric.key());
            rolled.setLong(2, to);
            rolled.setLong(3, from);
            try (ResultSet rs = rolled.executeQuery()) {
                if (rs.next()) {
                    return java.util.Optional.of(new MetricSample(metric, Instant.ofEpochMilli(rs.getLong(1)),
                            rs.getDouble(2)));
                }
            }
            return java.util.Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("Could not read " + metric.key() + " at " + at + ": " + e.getMessage(), e);
        }
    }

    /** Raw rows and rollup rows currently stored, for the sources panel and tests. */
    public long[] rowCounts() {
        try {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement raw = c.prepareStatement("SELECT COUNT(*) FROM metric_sample");
                 PreparedStatement rolled = c.prepareStatement("SELECT COUNT(*) FROM metric_rollups");
                 ResultSet a = raw.executeQuery(); ResultSet b = rolled.executeQuery()) {
                a.next();
                b.next();
                return new long[] {a.getLong(1), b.getLong(1)};
            }
        } catch (SQLException e) {
            throw new StoreException("Could not rowCounts metric samples: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement q, Metric metric, long from, long to) throws SQLException {
        q.setString(1, metric.key());
        q.setLong(2, from);
        q.setLong(3, to);
    }
}
