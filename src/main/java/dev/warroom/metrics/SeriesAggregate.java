package dev.warroom.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What to do when a Prometheus query returns several series for one dashboard metric. */
public enum SeriesAggregate {
    /** Refuse and report the ambiguity: the query should be narrowed. The default. */
    REFUSE, SUM, AVG, MIN, MAX;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SeriesAggregate> byKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key().equals(key)).findFirst();
    }

    double apply(double[] values) {
        return switch (this) {
            case SUM -> Arrays.stream(values).sum();
            case AVG -> Arrays.stream(values).average().orElse(Double.NaN);
            case MIN -> Arrays.stream(values).min().orElse(Double.NaN);
            case MAX -> Arrays.stream(values).max().orElse(Double.NaN);
            case REFUSE -> throw new IllegalStateException("REFUSE does not aggregate");
        };
    }
}
