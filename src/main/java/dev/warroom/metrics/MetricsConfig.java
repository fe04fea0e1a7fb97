package dev.warroom.metrics;

import java.time.Duration;
import java.util.List;

/**
 * Contents of {@code metrics.json}.
 *
 * @param trafficBaseline requests per second that count as normal traffic (1x); the traffic
 *                        multiple is requests/s divided by this
 * @param trendWindow     window over which tile trend arrows are computed (default 5 min)
 * @param severity        sustain durations for the scale and incident banners
 * @param sources         where metrics come from
 */
public record MetricsConfig(Double trafficBaseline, Duration trendWindow, SeverityTiming severity,
                            List<SourceConfig> sources) {

    public static final Duration DEFAULT_TREND_WINDOW = Duration.ofMinutes(5);

    /** No sources at all, default timings: what runs when the configured sources cannot be used. */
    public static MetricsConfig withoutSources() {
        return new MetricsConfig(100.0, DEFAULT_TREND_WINDOW, SeverityTiming.DEFAULT, List.of());
    }
}
