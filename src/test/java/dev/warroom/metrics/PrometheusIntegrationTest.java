package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.warroom.domain.metric.Metric;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Polls a real Prometheus (Debian package) that scrapes a real Pushgateway, both started here
 * on 127.0.0.1 with free ports. Skipped, with the reason printed, when the binaries are absent.
 */
class PrometheusIntegrationTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path PUSHGATEWAY = Path.of("/usr/bin/prometheus-pushgateway");

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void needsBinaries() {
        boolean present = Files.isExecutable(PROMETHEUS) && Files.isExecutable(PUSHGATEWAY);
        if (!present) {
            System.out.println("PrometheusIntegrationTest skipped: " + PROMETHEUS + " or " + PUSHGATEWAY
                    + " is missing (apt-get install prometheus prometheus-pushgateway)");
        }
        Assumptions.assumeTrue(present, "prometheus and prometheus-pushgateway binaries are not installed");
    }

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
        }
        for (Process p : started) {
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void pushedValueComesBackThroughPrometheusSource() throws Exception {
        int gatewayPort = freePort();
        int prometheusPort = freePort();
        start(dir.resolve("pushgateway.log"), PUSHGATEWAY.toString(),
                "--web.listen-address=127.0.0.1:" + gatewayPort);
        awaitReady("http://127.0.0.1:" + gatewayPort + "/-/ready");

        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "scrape_configs:\n  - job_name: pushgateway\n    honor_labels: true\n"
                + "    static_configs:\n      - targets: ['127.0.0.1:" + gatewayPort + "']\n");
        start(dir.resolve("prometheus.log"), PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort);
        awaitReady("http://127.0.0.1:" + prometheusPort + "/-/ready");

        push(gatewayPort, "web", "warroom_error_rate_percent 2.5\nwarroom_cpu_percent 61\n");
        push(gatewayPort, "worker", "warroom_cpu_percent 75\n");

        Map<Metric, String> queries = new LinkedHashMap<>();
        queries.put(Metric.ERROR_RATE, "warroom_error_rate_percent");
        queries.put(Metric.CPU, "warroom_cpu_percent");
        queries.put(Metric.MEMORY, "warroom_memory_percent");
        PrometheusSource source = new PrometheusSource("prometheus", URI.create("http://127.0.0.1:" + prometheusPort),
                queries, SeriesAggregate.MAX, new BearerToken(null, k -> null), Duration.ofSeconds(2),
                Clock.systemUTC(), HttpFetch.DEFAULT_BODY_LIMIT);

        PollResult result = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            result = source.poll();
            if (result.ok() && result.samples().size() == 2) {
                break;
            }
            Thread.sleep(250);
        }
        assertTrue(result != null && result.ok() && result.samples().size() == 2, "no scraped values: " + result);
        assertEquals(2.5, result.samples().get(0).value());
        assertEquals(75, result.samples().get(1).value(), "max over the web and worker series");
        assertEquals("query returned no series (empty vector)", result.metricProblems().get(Metric.MEMORY));

        PrometheusSource broken = new PrometheusSource("prometheus", URI.create("http://127.0.0.1:" + prometheusPort),
                Map.of(Metric.CPU, "sum(rate(warroom_cpu_percent[1m]"), SeriesAggregate.REFUSE,
                new BearerToken(null, k -> null), Duration.ofSeconds(2), Clock.systemUTC(),
                HttpFetch.DEFAULT_BODY_LIMIT);
        String failure = broken.poll().failure();
        assertTrue(failure.startsWith("Prometheus error (bad_data): "), failure);
    }

    private void start(Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
    }

    private void awaitReady(String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        fail(url + " did not become ready within 20 s; logs in " + dir);
    }

    private void push(int port, String instance, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/metrics/job/warroom/instance/" + instance))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "push failed: " + r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
