package dev.warroom.domain.outbox;

import java.time.Duration;

/**
 * How long to wait before the next attempt: doubling from 1 s up to 5 min, or what the service asked
 * for with Retry-After (up to 1 h), whichever the service said.
 */
public final class RetryDelay {
    public static final Duration FIRST = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofMinutes(5);
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private RetryDelay() {
    }

    /** The wait after the {@code attempts}-th failed attempt (1-based); {@code retryAfter} may be null. */
    public static Duration after(int attempts, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        int shift = Math.max(0, Math.min(attempts - 1, 20));
        Duration d = FIRST.multipliedBy(1L << shift);
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
