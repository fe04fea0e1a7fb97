package dev.warroom.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Contents of the metrics file ({@code metrics.json}).
 *
 * @param trafficBaseline      requests per second that count as normal traffic (1x); the traffic
 *                             multiple is requests/s divided by this
 * @param trafficBaselineGiven whether the file set the baseline (false: the built-in 100 req/s is in use,
 *                             which the dashboard says)
 * @param trendWindow          window over which tile trend arrows are computed (default 5 min)
 * @param severity             sustain durations for the scale and incident banners
 * @param sources              where metrics come from
 */
public record MetricsConfig(Double trafficBaseline, @JsonIgnore boolean trafficBaselineGiven, Duration trendWindow,
                            SeverityTiming severity, List<SourceConfig> sources) {

    public static final Duration DEFAULT_TREND_WINDOW = Duration.ofMinutes(5);

    /** The fields a metrics file may have; the baseline counts as given when the file has it. */
    @JsonCreator
    static MetricsConfig fromJson(@JsonProperty("trafficBaseline") Double trafficBaseline,
                                  @JsonProperty("trendWindow") Duration trendWindow,
                                  @JsonProperty("severity") SeverityTiming severity,
                                  @JsonProperty("sources") List<SourceConfig> sources) {
        return new MetricsConfig(trafficBaseline, trafficBaseline != null, trendWindow, severity, sources);
    }

    /** No sources at all, default timings: what runs when the configured sources cannot be used. */
    public static MetricsConfig withoutSources() {
        return new MetricsConfig(MetricsConfigLoader.DEFAULT_TRAFFIC_BASELINE, false, DEFAULT_TREND_WINDOW,
                SeverityTiming.DEFAULT, List.of());
    }

    /**
     * The baseline in use, in words for the dashboard: "Traffic 1x = 120 req/s (metrics file)" or, when the
     * file leaves it out, that the built-in value is used and where to set it.
     */
    @JsonIgnore
    public String trafficBaselineNote() {
        String rate = String.format(Locale.ROOT, trafficBaseline % 1 == 0 ? "%.0f" : "%.2f", trafficBaseline);
        return trafficBaselineGiven ? "Traffic 1x = " + rate + " req/s (trafficBaseline in the metrics file)"
                : "Traffic 1x = " + rate + " req/s (built-in default; set trafficBaseline in the metrics file)";
    }
}
