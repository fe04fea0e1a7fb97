package dev.warroom.metrics;

import dev.warroom.config.SourceConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.function.UnaryOperator;

/** Opens the {@link MetricSource} a checked {@link SourceConfig} describes. */
public final class MetricSources {

    private MetricSources() {
    }

    /**
     * @param configFolder folder of the config file, for relative file and scenario paths; null for the working dir
     * @param environment  looks up environment variables (System::getenv in the app)
     */
    public static MetricSource open(SourceConfig config, Clock clock, Path configFolder,
                                    UnaryOperator<String> environment) {
        return open(config, clock, configFolder, environment, HttpFetch.DEFAULT_BODY_LIMIT);
    }

    static MetricSource open(SourceConfig config, Clock clock, Path configFolder, UnaryOperator<String> environment,
                             int bodyLimit) {
        if (config instanceof SourceConfig.Simulator s) {
            return new SimulatorSource(s.name(), Scenarios.load(s.scenario(), configFolder), s.seed(),
                    s.speed(), s.startAt(), clock);
        }
        if (config instanceof SourceConfig.Prometheus p) {
            return new PrometheusSource(p.name(), URI.create(p.url()), p.queries(),
                    SeriesAggregate.byKey(p.multipleSeries()).orElseThrow(() -> new IllegalStateException(
                            "unchecked multipleSeries " + p.multipleSeries())),
                    new BearerToken(p.tokenEnv(), environment), p.timeout(), clock, bodyLimit);
        }
        if (config instanceof SourceConfig.Json j) {
            return new JsonEndpointSource(j.name(), URI.create(j.url()), j.pointers(),
                    new BearerToken(j.tokenEnv(), environment), j.timeout(), clock, bodyLimit);
        }
        SourceConfig.File f = (SourceConfig.File) config;
        Path path = configFolder == null ? Path.of(f.path()) : configFolder.resolve(f.path());
        FileRows.Format format = "jsonl".equals(f.format()) ? FileRows.Format.JSON_LINES : FileRows.Format.CSV;
        return new FileTailSource(f.name(), path, format,
                f.metrics().isEmpty() ? EnumSet.noneOf(dev.warroom.domain.metric.Metric.class) : EnumSet.copyOf(f.metrics()));
    }

}
