package dev.warroom.metrics;

import java.time.Duration;

/**
 * Delay before the next poll. After a success: the interval. After n failures in a row:
 * {@code interval * 2^n}, capped at twice the interval and at {@code max} (but never below the
 * interval), then "equal jitter": a random point in the upper half of that, so sources that failed
 * together do not retry in lockstep.
 *
 * <p>The cap at twice the interval is what makes recovery quick: a source that answers again is
 * polled within two intervals, so its tiles are fresh again within two intervals rather than after
 * a backoff of half a minute. A source polled every few seconds costs little to probe that often.
 */
record Backoff(Duration max) {

    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(30));

    /** @param random01 a uniform random number in [0, 1) */
    Duration delay(Duration interval, int failures, double random01) {
        if (failures <= 0) {
            return interval;
        }
        long intervalMillis = Math.max(1, interval.toMillis());
        long cap = Math.max(intervalMillis, Math.min(max.toMillis(), 2 * intervalMillis));
        long base = intervalMillis;
        for (int i = 0; i < failures && base < cap; i++) {
            base *= 2;
        }
        base = Math.min(base, cap);
        long jittered = base / 2 + (long) (random01 * (base - base / 2));
        return Duration.ofMillis(Math.max(intervalMillis, jittered));
    }
}
