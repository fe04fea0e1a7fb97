package dev.warroom.metrics;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.domain.PlainText;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Any HTTP(S) endpoint answering JSON; each metric is picked out by a JSON Pointer (RFC 6901). */
public final class JsonEndpointSource implements MetricSource {

    private final String name;
    private final URI uri;
    private final Map<Metric, JsonPointer> pointers;
    private final BearerToken token;
    private final Duration timeout;
    private final Clock clock;
    private final HttpFetch http;

    JsonEndpointSource(String name, URI uri, Map<Metric, String> pointers, BearerToken token, Duration timeout,
                       Clock clock, int bodyLimit) {
        this.name = name;
        this.uri = uri;
        this.pointers = new LinkedHashMap<>();
        pointers.forEach((metric, pointer) -> this.pointers.put(metric, JsonPointer.compile(pointer)));
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
        return Set.copyOf(pointers.keySet());
    }

    @Override
    public PollResult poll() {
        JsonNode body;
        try {
            body = http.getJson(uri, timeout, token.headers(), false).body();
        } catch (SourceFailure e) {
            return PollResult.failed(e.getMessage());
        }
        Instant now = clock.instant();
        List<MetricSample> samples = new ArrayList<>();
        Map<Metric, String> problems = new EnumMap<>(Metric.class);
        pointers.forEach((metric, pointer) -> {
            JsonNode node = body.at(pointer);
            if (node.isMissingNode()) {
                problems.put(metric, "no value at " + pointer + " in the answer from " + uri);
            } else if (node.isNumber() && !Double.isFinite(node.asDouble())) {
                problems.put(metric, "value at " + pointer + " is out of range (" + node.asDouble()
                        + "), not a finite number");
            } else if (node.isNumber()) {
                samples.add(new MetricSample(metric, now, node.asDouble()));
            } else if (node.isTextual() && parses(node.asText())) {
                samples.add(new MetricSample(metric, now, Double.parseDouble(node.asText())));
            } else if (node.isTextual() && nonFinite(node.asText())) {
                problems.put(metric, "value at " + pointer + " is " + describe(node).substring("string ".length())
                        + ", not a finite number");
            } else {
                problems.put(metric, "value at " + pointer + " is " + describe(node) + ", not a number");
            }
        });
        return new PollResult(samples, problems, List.of(), null);
    }

    private static boolean parses(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean nonFinite(String text) {
        try {
            return !Double.isFinite(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(JsonNode node) {
        String shown = PlainText.clip(node.toString(), 41);
        return node.getNodeType().name().toLowerCase() + " " + shown;
    }
}
