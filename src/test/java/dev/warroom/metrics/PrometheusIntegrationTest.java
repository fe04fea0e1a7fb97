package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.SignalState;
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

    /**
     * Prometheus killed mid-crisis and started again: tiles and the banner go STALE, the outage is a
     * down and a back event, and the tiles are fresh again within two polling intervals of Prometheus
     * answering. An uptime query without "* 100" answers fractions: the tile keeps them and warns.
     */
    @Test
    void aPrometheusThatDiesAndComesBackAndAFractionValuedQuery() throws Exception {
        int gatewayPort = freePort();
        int prometheusPort = freePort();
        start(dir.resolve("pushgateway.log"), PUSHGATEWAY.toString(),
                "--web.listen-address=127.0.0.1:" + gatewayPort);
        awaitReady("http://127.0.0.1:" + gatewayPort + "/-/ready");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "scrape_configs:\n  - job_name: pushgateway\n    honor_labels: true\n"
                + "    static_configs:\n      - targets: ['127.0.0.1:" + gatewayPort + "']\n");
        String[] prometheus = {PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort};
        Process first = startProcess(dir.resolve("prometheus.log"), prometheus);
        awaitReady("http://127.0.0.1:" + prometheusPort + "/-/ready");
        push(gatewayPort, "web", "warroom_error_rate_percent 3.1\nwarroom_uptime_ratio 0.99867\n");

        Map<Metric, String> queries = new LinkedHashMap<>();
        queries.put(Metric.ERROR_RATE, "warroom_error_rate_percent");
        queries.put(Metric.UPTIME, "warroom_uptime_ratio");
        PrometheusSource source = new PrometheusSource("prometheus", URI.create("http://127.0.0.1:" + prometheusPort),
                queries, SeriesAggregate.MAX, new BearerToken(null, k -> null), Duration.ofSeconds(1),
                Clock.systemUTC(), HttpFetch.DEFAULT_BODY_LIMIT);
        dev.warroom.metrics.MetricsFeed feed = new dev.warroom.metrics.MetricsFeed(Clock.systemUTC(), 100,
                Duration.ofMinutes(5), List.of(), dev.warroom.config.SeverityTiming.DEFAULT);
        List<SourceOutage> outages = new java.util.concurrent.CopyOnWriteArrayList<>();
        feed.addListener(new FeedListener() {
            @Override
            public void sourceChanged(SourceOutage outage) {
                outages.add(outage);
            }
        });
        Duration interval = Duration.ofSeconds(1);
        try (Poller poller = new Poller(feed, Clock.systemUTC(), new java.util.SplittableRandom(3))) {
            poller.add(source, interval, Duration.ofSeconds(1));
            poller.start();
            until(() -> feed.reading(Metric.ERROR_RATE).freshness() == Freshness.FRESH, Duration.ofSeconds(30),
                    "fresh at first");
            until(() -> feed.reading(Metric.UPTIME).problem() != null, Duration.ofSeconds(60), "the unit warning");
            MetricReading uptime = feed.reading(Metric.UPTIME);
            assertEquals(0.99867, uptime.value(), 1e-9, "a fraction is inside the sane range: shown, not refused");
            assertEquals("uptime 0.99867 — a fraction? multiply by 100 (the unit is %)", uptime.problem());

            first.destroyForcibly().waitFor();
            until(() -> feed.reading(Metric.ERROR_RATE).freshness() == Freshness.STALE, Duration.ofSeconds(30),
                    "stale after the kill");
            assertEquals(SignalState.STALE, feed.incidentStatus().signal(), "the banner says STALE like the tiles");
            until(() -> outages.stream().anyMatch(SourceOutage::down), Duration.ofSeconds(10), "a down event");

            startProcess(dir.resolve("prometheus-again.log"), prometheus);
            awaitReady("http://127.0.0.1:" + prometheusPort + "/-/ready");
            long answering = System.nanoTime();
            until(() -> feed.reading(Metric.ERROR_RATE).freshness() == Freshness.FRESH, Duration.ofSeconds(30),
                    "fresh again");
            Duration took = Duration.ofNanos(System.nanoTime() - answering);
            assertTrue(took.compareTo(interval.multipliedBy(2).plus(Duration.ofMillis(1500))) <= 0,
                    "fresh again " + took.toMillis() + " ms after Prometheus answered; two intervals are 2000 ms");
            until(() -> outages.stream().anyMatch(o -> !o.down()), Duration.ofSeconds(10), "a back event");
            SourceOutage back = outages.stream().filter(o -> !o.down()).findFirst().orElseThrow();
            assertTrue(back.length().toMillis() > 0, "the outage has a length: " + back);
            assertEquals(SignalState.FRESH, feed.incidentStatus().signal(), "the banner is live again");
        }
    }

    private static void until(java.util.function.BooleanSupplier condition, Duration limit, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + ": not reached within " + limit.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    private Process startProcess(Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        return process;
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
