package dev.warroom.metrics;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.Trend;
import java.time.Instant;
import java.util.Arrays;

/**
 * Mutable state of one (source, metric) series inside the feed: recent history in
 * contiguous arrays (the older half is dropped when full), last value, misses, problem.
 * Guarded by the feed's lock.
 */
final class SeriesState {

    final String source;
    final Metric metric;
    private final long[] at;
    private final double[] values;
    private int size;
    Instant lastAt;
    Instant lastReceived;
    int misses;
    String problem;
    long rejected;
    boolean changed = true;
    Trend trend = Trend.UNKNOWN;
    final dev.warroom.domain.metric.UnitCheck units;

    SeriesState(String source, Metric metric, int capacity) {
        this.source = source;
        this.metric = metric;
        this.units = new dev.warroom.domain.metric.UnitCheck(metric);
        this.at = new long[capacity];
        this.values = new double[capacity];
    }

    long lastMillis() {
        return size == 0 ? Long.MIN_VALUE : at[size - 1];
    }

    void add(long atMillis, double value) {
        if (size == at.length) {
            int keep = at.length / 2;
            System.arraycopy(at, size - keep, at, 0, keep);
            System.arraycopy(values, size - keep, values, 0, keep);
            size = keep;
        }
        at[size] = atMillis;
        values[size] = value;
        size++;
        changed = true;
    }

    double lastValue() {
        return size == 0 ? Double.NaN : values[size - 1];
    }

    Trend trend(long fromMillis, long toMillis) {
        return Trend.of(metric, at, values, size, fromMillis, toMillis);
    }

    RecentSeries recent(long fromMillis) {
        int start = firstIndexAtOrAfter(fromMillis);
        return new RecentSeries(Arrays.copyOfRange(at, start, size), Arrays.copyOfRange(values, start, size),
                size - start);
    }

    private int firstIndexAtOrAfter(long t) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
