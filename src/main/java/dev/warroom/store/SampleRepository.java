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
 * Metric samples in the database (tables from {@code V2__metric_samples.sql}). Inserts are
 * batched, one transaction per batch; call from a single writer thread, never the FX thread.
 * {@link #compact(Instant)} applies the {@link SampleRetention} so storage stays bounded.
 */
public final class SampleRepository {

    private static final String INSERT = "INSERT INTO metric_samples (metric, at_ms, val) VALUES (?, ?, ?)";
    private static final String SELECT_RAW = "SELECT at_ms, val FROM metric_samples"
            + " WHERE metric = ? AND at_ms >= ? AND at_ms < ? ORDER BY at_ms";
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
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    for (MetricSample s : samples) {
                        insert.setString(1, s.metric().key());
                        insert.setLong(2, s.at().toEpochMilli());
                        insert.setDouble(3, s.value());
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
                bind(q, metric, from.toEpochMilli(), to.toEpochMilli());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MetricSample(metric, Instant.ofEpochMilli(rs.getLong(1)), rs.getDouble(2)));
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

    /**
     * Deletes raw samples older than the raw window (from a whole bucket boundary; their minute
     * buckets were written with them) and buckets past their own window; one transaction.
     * Call it periodically, e.g. every 10 minutes, from the writer thread.
     */
    public void compact(Instant now) {
        try {
            long bucket = retention.bucket().toMillis();
            long rawFrom = now.minus(retention.raw()).toEpochMilli();
            long cutoff = rawFrom - Math.floorMod(rawFrom, bucket);
            long bucketsFrom = now.minus(retention.buckets()).toEpochMilli();
            try (Connection c = writes.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement deleteRaw = c.prepareStatement("DELETE FROM metric_samples WHERE at_ms < ?");
                     PreparedStatement deleteBuckets = c.prepareStatement("DELETE FROM metric_rollups WHERE bucket_ms < ?")) {
                    deleteRaw.setLong(1, cutoff);
                    deleteRaw.executeUpdate();
                    deleteBuckets.setLong(1, bucketsFrom);
                    deleteBuckets.executeUpdate();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not compact metric samples: " + e.getMessage(), e);
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
             PreparedStatement raw = c.prepareStatement("SELECT at_ms, val FROM metric_samples WHERE metric = ?"
                     + " AND at_ms <= ? AND at_ms >= ? ORDER BY at_ms DESC LIMIT 1");
             PreparedStatement rolled = c.prepareStatement("SELECT bucket_ms, sum_val / n FROM metric_rollups"
                     + " WHERE metric = ? AND bucket_ms <= ? AND bucket_ms >= ? ORDER BY bucket_ms DESC LIMIT 1")) {
            for (PreparedStatement ps : new PreparedStatement[] {raw, rolled}) {
                ps.setString(1, metric.key());
                ps.setLong(2, to);
                ps.setLong(3, from);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return java.util.Optional.of(new MetricSample(metric, Instant.ofEpochMilli(rs.getLong(1)),
                                rs.getDouble(2)));
                    }
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
                 PreparedStatement raw = c.prepareStatement("SELECT COUNT(*) FROM metric_samples");
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
