package dev.warroom.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prometheus HTTP API, one instant query ({@code GET /api/v1/query?query=...}) per metric.
 * Accepts an instant vector with one series or a scalar; several series are refused as
 * ambiguous unless an aggregate is configured. "NaN" and "±Inf" values, error envelopes and
 * empty vectors are reported per metric. All queries of one poll share the source timeout.
 */
public final class PrometheusSource implements MetricSource {

    private final String name;
    private final URI base;
    private final Map<Metric, String> queries;
    private final SeriesAggregate aggregate;
    private final BearerToken token;
    private final Duration timeout;
    private final Clock clock;
    private final HttpFetch http;

    PrometheusSource(String name, URI base, Map<Metric, String> queries, SeriesAggregate aggregate,
                     BearerToken token, Duration timeout, Clock clock, int bodyLimit) {
        this.name = name;
        this.base = base;
        this.queries = new LinkedHashMap<>(queries);
        this.aggregate = aggregate;
        this.token = token;
        this.timeout = timeout;
        this.clock = clock;
        this.http = new HttpFetch(timeout, bodyLimit);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Metric> metrics() {
        return Set.copyOf(queries.keySet());
    }

    @Override
    public PollResult poll() {
        Map<String, String> headers;
        try {
            headers = token.headers();
        } catch (SourceFailure e) {
            return PollResult.failed(e.getMessage());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MetricSample> samples = new ArrayList<>();
        Map<Metric, String> problems = new EnumMap<>(Metric.class);
        Instant now = clock.instant();
        for (Map.Entry<Metric, String> query : queries.entrySet()) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0) {
                    throw new SourceFailure("no time left within " + HttpFetch.human(timeout) + " for this query");
                }
                JsonAnswer answer = http.getJson(queryUri(query.getValue()), Duration.ofNanos(left), timeout, headers, true);
                samples.add(new MetricSample(query.getKey(), now, valueOf(answer)));
            } catch (SourceFailure e) {
                problems.put(query.getKey(), e.getMessage());
            }
        }
        if (samples.isEmpty() && !problems.isEmpty() && problems.values().stream().distinct().count() == 1) {
            return PollResult.failed(problems.values().iterator().next());
        }
        return new PollResult(samples, problems, List.of(), null);
    }

    private URI queryUri(String promQl) {
        String path = base.getPath() == null || base.getPath().isEmpty() ? "" : base.getPath().replaceAll("/+$", "");
        return base.resolve(path + "/api/v1/query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8));
    }

    private double valueOf(JsonAnswer answer) throws SourceFailure {
        JsonNode body = answer.body();
        String status = body.path("status").asText("");
        if ("error".equals(status)) {
            throw new SourceFailure("Prometheus error (" + body.path("errorType").asText("unknown") + "): "
                    + body.path("error").asText("no message"));
        }
        if (!"success".equals(status)) {
            throw new SourceFailure("not a Prometheus API answer (HTTP " + answer.status()
                    + ", no \"status\": \"success\")");
        }
        JsonNode data = body.path("data");
        String type = data.path("resultType").asText("");
        JsonNode result = data.path("result");
        switch (type) {
            case "scalar":
                return number(result);
            case "vector":
                if (!result.isArray() || result.isEmpty()) {
                    throw new SourceFailure("query returned no series (empty vector)");
                }
                if (result.size() == 1) {
                    return number(result.get(0).path("value"));
                }
                if (aggregate == SeriesAggregate.REFUSE) {
                    throw new SourceFailure("query returned " + result.size()
                            + " series; narrow it or set \"multipleSeries\" to sum, avg, min or max");
                }
                double[] values = new double[result.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = number(result.get(i).path("value"));
                }
                return aggregate.apply(values);
            default:
                throw new SourceFailure("unsupported result type \"" + type
                        + "\"; use an expression that gives an instant vector or a scalar");
        }
    }

    /** A Prometheus sample is [unixSeconds, "value"]; the value is a string that may be NaN or ±Inf. */
    private static double number(JsonNode pair) throws SourceFailure {
        JsonNode text = pair.path(1);
        if (!text.isTextual()) {
            throw new SourceFailure("sample is not [time, \"value\"]: " + pair);
        }
        String raw = text.asText();
        if (raw.equals("NaN") || raw.equals("+Inf") || raw.equals("-Inf")) {
            throw new SourceFailure("sample value is " + raw + ", not a finite number");
        }
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new SourceFailure("sample value \"" + text.asText() + "\" is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new SourceFailure("sample value is " + text.asText() + ", not a finite number");
        }
        return value;
    }
}
