package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonEndpointSourceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final TestClock clock = new TestClock(NOW);
    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonEndpointSource source(Map<Metric, String> pointers) {
        return new JsonEndpointSource("health", server.uri("/health"), pointers, new BearerToken(null, k -> null),
                Duration.ofMillis(800), clock, HttpFetch.DEFAULT_BODY_LIMIT);
    }

    @Test
    void picksValuesByPointerAndReportsMissingOrWrongOnes() {
        server.send("/health", 200, "application/vnd.status+json",
                "{\"system\":{\"cpu\":71.5,\"memory\":\"64.2\"},\"errors\":[{\"rate\":0.4}],\"status\":\"ok\"}");
        Map<Metric, String> pointers = new LinkedHashMap<>();
        pointers.put(Metric.CPU, "/system/cpu");
        pointers.put(Metric.MEMORY, "/system/memory");
        pointers.put(Metric.ERROR_RATE, "/errors/0/rate");
        pointers.put(Metric.P95_LATENCY, "/latency/p95");
        pointers.put(Metric.UPTIME, "/status");
        PollResult result = source(pointers).poll();
        assertTrue(result.ok());
        assertEquals(List.of(new MetricSample(Metric.CPU, NOW, 71.5), new MetricSample(Metric.MEMORY, NOW, 64.2),
                new MetricSample(Metric.ERROR_RATE, NOW, 0.4)), result.samples());
        assertEquals("no value at /latency/p95 in the answer from " + server.uri("/health"),
                result.metricProblems().get(Metric.P95_LATENCY));
        assertEquals("value at /status is string \"ok\", not a number", result.metricProblems().get(Metric.UPTIME));
    }

    @Test
    void nonFiniteNumbersAreReportedAsSuchNotPassedOn() {
        server.json("/health", 200, "{\"cpu\": 1e999, \"mem\": -1e999, \"err\": \"NaN\", \"p95\": \"Infinity\", \"ok\": 5}");
        Map<Metric, String> pointers = new LinkedHashMap<>();
        pointers.put(Metric.CPU, "/cpu");
        pointers.put(Metric.MEMORY, "/mem");
        pointers.put(Metric.ERROR_RATE, "/err");
        pointers.put(Metric.P95_LATENCY, "/p95");
        pointers.put(Metric.UPTIME, "/ok");
        PollResult result = source(pointers).poll();
        assertEquals(List.of(new MetricSample(Metric.UPTIME, NOW, 5)), result.samples());
        assertEquals("value at /cpu is out of range (Infinity), not a finite number", result.metricProblems().get(Metric.CPU));
        assertEquals("value at /mem is out of range (-Infinity), not a finite number", result.metricProblems().get(Metric.MEMORY));
        assertEquals("value at /err is \"NaN\", not a finite number", result.metricProblems().get(Metric.ERROR_RATE));
        assertEquals("value at /p95 is \"Infinity\", not a finite number",
                result.metricProblems().get(Metric.P95_LATENCY));
    }

    @Test
    void anErrorStatusWithJsonIsStillAFailure() {
        server.json("/health", 503, "{\"cpu\":1}");
        assertEquals("HTTP 503 from " + server.uri("/health"), source(Map.of(Metric.CPU, "/cpu")).poll().failure());
    }

    @Test
    void malformedJsonIsReported() {
        server.json("/health", 200, "{\"cpu\": 12,,}");
        String failure = source(Map.of(Metric.CPU, "/cpu")).poll().failure();
        assertTrue(failure.startsWith("malformed JSON at line 1, column 12 from "), failure);
    }

    @Test
    void slowServerTimesOut() {
        server.hang("/health");
        String failure = source(Map.of(Metric.CPU, "/cpu")).poll().failure();
        assertTrue(failure.startsWith("no answer from 127.0.0.1:") && failure.endsWith("within 800 ms"), failure);
    }

    @Test
    void hostileAnswersGetPreciseReasons() {
        server.send("/health", 200, "text/csv", "cpu,1");
        assertEquals("unexpected content type \"text/csv\" from " + server.uri("/health") + " (expected application/json)",
                source(Map.of(Metric.CPU, "/cpu")).poll().failure());
    }

    @Test
    void aMultiMegabyteAnswerIsCutOffAtTheLimit() {
        byte[] big = ("{\"cpu\": 1, \"pad\": \"" + "x".repeat(5 << 20) + "\"}").getBytes();
        server.on("/health", exchange -> LoopbackServer.reply(exchange, 200, "application/json", big));
        String failure = source(Map.of(Metric.CPU, "/cpu")).poll().failure();
        assertTrue(failure.endsWith("larger than 1 MiB; cut off"), failure);
    }
}
