package dev.warroom.store;

import dev.warroom.domain.metric.Metric;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The key of a raw sample row: the metric's code in the top bits and the UTC epoch millisecond below,
 * {@code code * 2^43 + atMillis} (2^43 ms reaches the year 2248). One metric's samples are one contiguous
 * key range in time order, so the table is its own index: a chart reads a range, retention deletes a
 * range, and no second B-tree repeats the metric name on every row.
 *
 * <p>Codes are stored: a metric keeps its code for good, new metrics are added at the end, and the same
 * list is spelled out in {@code V10__compact_sample_layout.sql}.
 */
final class SampleKey {
    static final int TIME_BITS = 43;
    static final long TIME_MASK = (1L << TIME_BITS) - 1;

    /** Metric keys by code; append only. */
    static final List<String> CODES = List.of("uptime", "p95-latency", "error-rate", "active-users",
            "signups-per-hour", "conversion", "retention-24h", "revenue-per-hour", "traffic-multiple",
            "requests-per-second", "cpu", "memory", "cache-hit", "db-connections-free");

    private static final Map<String, Long> BY_KEY = new HashMap<>();

    static {
        for (int i = 0; i < CODES.size(); i++) {
            BY_KEY.put(CODES.get(i), (long) i);
        }
    }

    private SampleKey() {
    }

    static long code(Metric metric) {
        Long code = BY_KEY.get(metric.key());
        if (code == null) {
            throw new IllegalStateException("metric " + metric.key() + " has no storage code; add it to SampleKey");
        }
        return code;
    }

    /** The key of {@code metric}'s sample at {@code atMillis} (0 ≤ atMillis < 2^43). */
    static long of(Metric metric, long atMillis) {
        if (atMillis < 0 || atMillis > TIME_MASK) {
            throw new IllegalArgumentException("sample time out of range: " + atMillis);
        }
        return (code(metric) << TIME_BITS) | atMillis;
    }

    /** The first key of {@code metric} at or after {@code atMillis}, clamped to the metric's range. */
    static long from(Metric metric, long atMillis) {
        return (code(metric) << TIME_BITS) | Math.max(0, Math.min(TIME_MASK, atMillis));
    }

    static long atMillis(long key) {
        return key & TIME_MASK;
    }
}
