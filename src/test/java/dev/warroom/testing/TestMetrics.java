package dev.warroom.testing;

import dev.warroom.config.MetricsConfigLoader;
import dev.warroom.metrics.LiveMetrics;
import dev.warroom.config.MetricsConfig;
import dev.warroom.config.SeverityTiming;
import java.time.Clock;
import java.util.List;

/** Metric wiring for UI tests: none at all, or the shipped defaults (the simulator). */
public final class TestMetrics {
    private TestMetrics() {
    }

    public static LiveMetrics none(Clock clock) {
        try {
            return LiveMetrics.of(MetricsConfig.withoutSources(),
                    MetricsConfigLoader.defaultRules(), clock, null, System::getenv);
        } catch (dev.warroom.config.ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LiveMetrics simulator(Clock clock) {
        try {
            return LiveMetrics.defaults(clock);
        } catch (dev.warroom.config.ConfigException e) {
            throw new IllegalStateException(e);
        }
    }
}
