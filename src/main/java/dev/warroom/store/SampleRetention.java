package dev.warroom.store;

import java.time.Duration;

/**
 * How long samples are kept. Raw samples live for {@code raw} (the 72-hour crisis window by
 * default); older ones are folded into buckets of {@code bucket} (one minute) holding
 * min/max/avg, and buckets older than {@code buckets} (30 days) are deleted. With N metrics
 * polled every second, storage is bounded by about N * (raw seconds + compaction period)
 * raw rows plus N * (buckets / bucket) rollup rows.
 */
public record SampleRetention(Duration raw, Duration bucket, Duration buckets) {

    public static final SampleRetention DEFAULT =
            new SampleRetention(Duration.ofHours(72), Duration.ofMinutes(1), Duration.ofDays(30));

    public SampleRetention {
        if (raw.isNegative() || raw.isZero() || bucket.isNegative() || bucket.isZero()
                || buckets.compareTo(raw) < 0) {
            throw new IllegalArgumentException("retention needs positive raw and bucket durations and rollups"
                    + " kept at least as long as raw samples");
        }
    }
}
