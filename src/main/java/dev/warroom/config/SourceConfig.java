package dev.warroom.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.warroom.domain.metric.Metric;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One configured metric source. The {@code kind} field picks the record:
 * {@code simulator}, {@code prometheus}, {@code json} or {@code file}.
 * Durations are written "500ms", "5s", "2m", "1h" or ISO-8601 ("PT5S").
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SourceConfig.Simulator.class, name = "simulator"),
    @JsonSubTypes.Type(value = SourceConfig.Prometheus.class, name = "prometheus"),
    @JsonSubTypes.Type(value = SourceConfig.Json.class, name = "json"),
    @JsonSubTypes.Type(value = SourceConfig.File.class, name = "file")
})
public sealed interface SourceConfig {

    String name();

    /** Time between polls; defaults to 1 s for the simulator and 5 s otherwise. */
    Duration interval();

    /** Longest a single poll may take; defaults to 2 s. */
    Duration timeout();

    /**
     * The metric keys this source is configured to deliver, in the file's order; empty when the file does
     * not list them (a simulator's scenario, a file source that takes whatever metrics it finds).
     */
    default List<Metric> feeds() {
        if (this instanceof Prometheus p && p.queries() != null) {
            return List.copyOf(p.queries().keySet());
        }
        if (this instanceof Json j && j.pointers() != null) {
            return List.copyOf(j.pointers().keySet());
        }
        if (this instanceof File f && f.metrics() != null) {
            return List.copyOf(f.metrics());
        }
        return List.of();
    }

    /**
     * @param scenario a scenario name from {@code data/scenarios/} (e.g. "viral-surge") or a path to a file
     * @param seed     jitter seed; the same seed gives the same numbers
     * @param speed    scenario seconds per real second (1 = real time)
     * @param startAt  scenario time to start from, e.g. "55m" to open in the VIRAL phase
     */
    record Simulator(String name, Duration interval, Duration timeout, String scenario, Long seed, Double speed,
                     Duration startAt) implements SourceConfig {
    }

    /**
     * @param url            Prometheus base URL, e.g. http://127.0.0.1:9090
     * @param tokenEnv       name of an environment variable holding a bearer token (optional)
     * @param multipleSeries "refuse" (default), "sum", "avg", "min" or "max"
     * @param queries        metric key to PromQL expression
     */
    record Prometheus(String name, Duration interval, Duration timeout, String url, String tokenEnv,
                      String multipleSeries, Map<Metric, String> queries) implements SourceConfig {
    }

    /** @param pointers metric key to JSON Pointer into the answer, e.g. "/health/errorRate" */
    record Json(String name, Duration interval, Duration timeout, String url, String tokenEnv,
                Map<Metric, String> pointers) implements SourceConfig {
    }

    /**
     * @param path    file to tail; relative paths are taken from the config file's folder
     * @param format  "csv" or "jsonl"; when absent, taken from the file extension
     * @param metrics the metrics expected in the file (optional; otherwise those seen count)
     */
    record File(String name, Duration interval, Duration timeout, String path, String format,
                List<Metric> metrics) implements SourceConfig {
    }
}
