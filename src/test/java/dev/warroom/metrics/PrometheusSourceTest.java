package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusSourceTest {

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

    private PrometheusSource source(Map<Metric, String> queries, SeriesAggregate aggregate, String tokenEnv,
                                    Map<String, String> env) {
        return new PrometheusSource("prom", URI.create(server.base()), queries, aggregate,
                new BearerToken(tokenEnv, env::get), Duration.ofMillis(800), clock, HttpFetch.DEFAULT_BODY_LIMIT);
    }

    private PrometheusSource errorRateSource() {
        return source(Map.of(Metric.ERROR_RATE, "sum(rate(errors[5m]))"), SeriesAggregate.REFUSE, null, Map.of());
    }

    private static String vector(String... values) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            result.append(i == 0 ? "" : ",").append("{\"metric\":{\"instance\":\"i").append(i)
                    .append("\"},\"value\":[1763892000.123,\"").append(values[i]).append("\"]}");
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}";
    }

    @Test
    void readsAnInstantVectorAndSendsTheQueryAndToken() {
        server.json("/api/v1/query", 200, vector("2.5"));
        PrometheusSource source = source(Map.of(Metric.ERROR_RATE, "sum(rate(errors[5m])) * 100"),
                SeriesAggregate.REFUSE, "PROM_TOKEN", Map.of("PROM_TOKEN", "s3cret"));
        PollResult result = source.poll();
        assertNull(result.failure());
        assertEquals(List.of(new MetricSample(Metric.ERROR_RATE, NOW, 2.5)), result.samples());
        assertEquals("query=sum(rate(errors[5m])) * 100", URLDecoder.decode(server.lastQuery, StandardCharsets.UTF_8));
        assertEquals("Bearer s3cret", server.lastAuthorization);
    }

    @Test
    void missingTokenVariableIsReportedByName() {
        server.json("/api/v1/query", 200, vector("1"));
        PollResult result = source(Map.of(Metric.CPU, "up"), SeriesAggregate.REFUSE, "PROM_TOKEN", Map.of()).poll();
        assertEquals("bearer token environment variable PROM_TOKEN is not set", result.failure());
    }

    @Test
    void scalarResultsAreAccepted() {
        server.json("/api/v1/query", 200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1763892000,\"42\"]}}");
        assertEquals(42, errorRateSource().poll().samples().get(0).value());
    }

    @Test
    void emptyVectorIsReported() {
        server.json("/api/v1/query", 200, vector());
        assertEquals("query returned no series (empty vector)", errorRateSource().poll().failure());
    }

    @Test
    void nanAndInfinityAreRefused() {
        server.json("/api/v1/query", 200, vector("NaN"));
        assertEquals("sample value is NaN, not a finite number", errorRateSource().poll().failure());
        server.close();
    }

    @Test
    void plusInfIsRefused() {
        server.json("/api/v1/query", 200, vector("+Inf"));
        assertEquals("sample value is +Inf, not a finite number", errorRateSource().poll().failure());
    }

    @Test
    void errorEnvelopeIsReportedEvenWithAnErrorStatus() {
        server.json("/api/v1/query", 400,
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 5\"}");
        assertEquals("Prometheus error (bad_data): parse error at char 5", errorRateSource().poll().failure());
    }

    @Test
    void severalSeriesAreAmbiguousUnlessAnAggregateIsConfigured() {
        server.json("/api/v1/query", 200, vector("1", "2", "6"));
        assertTrue(errorRateSource().poll().failure().startsWith("query returned 3 series; narrow it"));
        PollResult summed = source(Map.of(Metric.CPU, "cpu"), SeriesAggregate.SUM, null, Map.of()).poll();
        assertEquals(9, summed.samples().get(0).value());
        PollResult max = source(Map.of(Metric.CPU, "cpu"), SeriesAggregate.MAX, null, Map.of()).poll();
        assertEquals(6, max.samples().get(0).value());
        PollResult avg = source(Map.of(Metric.CPU, "cpu"), SeriesAggregate.AVG, null, Map.of()).poll();
        assertEquals(3, avg.samples().get(0).value());
    }

    @Test
    void onlyTheFailingMetricIsReportedWhenOthersWork() {
        server.on("/api/v1/query", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            String body = query.contains("cpu") ? vector("55") : vector();
            LoopbackServer.reply(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        });
        Map<Metric, String> queries = new LinkedHashMap<>();
        queries.put(Metric.CPU, "avg(cpu)");
        queries.put(Metric.MEMORY, "avg(memory)");
        PollResult result = source(queries, SeriesAggregate.REFUSE, null, Map.of()).poll();
        assertTrue(result.ok());
        assertEquals(List.of(new MetricSample(Metric.CPU, NOW, 55)), result.samples());
        assertEquals(Map.of(Metric.MEMORY, "query returned no series (empty vector)"), result.metricProblems());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        server.hang("/api/v1/query");
        long started = System.nanoTime();
        PollResult result = errorRateSource().poll();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("no answer from 127.0.0.1:" + server.uri("/").getPort() + " within 800 ms", result.failure());
        assertTrue(tookMillis < 10_000, "poll must give up, took " + tookMillis + " ms");
    }

    @Test
    void aRedirectIsNotFollowed() {
        server.on("/api/v1/query", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://elsewhere.example/login");
            LoopbackServer.reply(exchange, 302, null, new byte[0]);
        });
        assertEquals("redirected to http://elsewhere.example/login (HTTP 302); redirects are not followed",
                errorRateSource().poll().failure());
    }

    @Test
    void anHtmlErrorPageIsCalledThat() {
        server.send("/api/v1/query", 502, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
        String failure = errorRateSource().poll().failure();
        assertTrue(failure.startsWith("HTML page instead of JSON (HTTP 502, titled \"502 Bad Gateway\")"), failure);
    }

    @Test
    void wrongContentTypeIsReported() {
        server.send("/api/v1/query", 200, "text/plain", "up 1");
        String failure = errorRateSource().poll().failure();
        assertTrue(failure.startsWith("unexpected content type \"text/plain\""), failure);
        assertTrue(failure.endsWith("(expected application/json)"), failure);
    }

    @Test
    void malformedJsonNamesThePosition() {
        server.json("/api/v1/query", 200, "{\"status\":\"success\",\"data\":{");
        String failure = errorRateSource().poll().failure();
        assertTrue(failure.startsWith("malformed JSON at line 1, column "), failure);
    }

    @Test
    void aHugeAnswerIsCutOff() {
        byte[] fiveMegabytes = new byte[5 << 20];
        java.util.Arrays.fill(fiveMegabytes, (byte) ' ');
        server.on("/api/v1/query", exchange -> LoopbackServer.reply(exchange, 200, "application/json", fiveMegabytes));
        PollResult result = errorRateSource().poll();
        assertEquals("response from 127.0.0.1:" + server.uri("/").getPort() + " larger than 1 MiB; cut off",
                result.failure());
        assertFalse(result.ok());
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        String base = server.base();
        server.close();
        PrometheusSource source = new PrometheusSource("prom", URI.create(base), Map.of(Metric.CPU, "cpu"),
                SeriesAggregate.REFUSE, new BearerToken(null, k -> null), Duration.ofMillis(800), clock,
                HttpFetch.DEFAULT_BODY_LIMIT);
        assertEquals("connection refused by " + base.substring("http://".length()), source.poll().failure());
    }
}
