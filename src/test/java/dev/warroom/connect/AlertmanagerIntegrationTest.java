package dev.warroom.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.warroom.config.ReceiverSettings;
import dev.warroom.crisis.alerts.AlertIntake;
import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.Priority;
import dev.warroom.domain.alert.AlertCardLink;
import dev.warroom.store.Database;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain with real servers (Debian packages), all on 127.0.0.1 with free ports: a value pushed
 * to a Pushgateway, scraped by Prometheus, whose rule fires and goes to Alertmanager, which notifies War
 * Room's receiver. Skipped, with the reason printed, when the binaries are absent.
 */
class AlertmanagerIntegrationTest {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path PUSHGATEWAY = Path.of("/usr/bin/prometheus-pushgateway");
    private static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
    private static final String TOKEN = "integration-token";

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Database db;
    private AlertReceiver receiver;

    @BeforeEach
    void needsBinaries() {
        List<Path> missing = List.of(PROMETHEUS, PUSHGATEWAY, ALERTMANAGER).stream()
                .filter(p -> !Files.isExecutable(p)).toList();
        if (!missing.isEmpty()) {
            System.out.println("AlertmanagerIntegrationTest skipped: " + missing + " missing (apt-get install "
                    + "prometheus prometheus-pushgateway prometheus-alertmanager)");
        }
        Assumptions.assumeTrue(missing.isEmpty(), "prometheus, pushgateway or alertmanager is not installed");
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
        }
        for (Process p : started) {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (receiver != null) {
            receiver.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void ruleFiresOneCardRepeatsAddNoneResolutionMarksIt() throws Exception {
        db = Database.open(dir.resolve("warroom"));
        receiver = AlertReceiver.start(new ReceiverSettings(true, "127.0.0.1", 0, "AM_TOKEN"),
                new AlertIntake(db, Clock.systemUTC(), ZoneOffset.UTC), n -> n.equals("AM_TOKEN") ? TOKEN : null);

        int gatewayPort = freePort();
        start("pushgateway", PUSHGATEWAY.toString(), "--web.listen-address=127.0.0.1:" + gatewayPort);
        awaitReady("http://127.0.0.1:" + gatewayPort + "/-/ready");

        int amPort = freePort();
        Path amConfig = dir.resolve("alertmanager.yml");
        Files.writeString(amConfig, """
                route:
                  receiver: warroom
                  group_by: ['alertname']
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 2s
                receivers:
                  - name: warroom
                    webhook_configs:
                      - url: http://127.0.0.1:%d/api/v1/alerts/alertmanager
                        send_resolved: true
                        http_config:
                          authorization:
                            credentials: %s
                """.formatted(receiver.port(), TOKEN));
        start("alertmanager", ALERTMANAGER.toString(), "--config.file=" + amConfig,
                "--storage.path=" + dir.resolve("am-data"), "--web.listen-address=127.0.0.1:" + amPort,
                "--cluster.listen-address=");
        awaitReady("http://127.0.0.1:" + amPort + "/-/ready");

        Path rules = dir.resolve("rules.yml");
        Files.writeString(rules, """
                groups:
                  - name: warroom
                    interval: 1s
                    rules:
                      - alert: HighErrorRate
                        expr: max(warroom_error_rate_percent) > 5
                        labels:
                          severity: critical
                        annotations:
                          summary: Error rate above 5 percent
                          runbook_url: https://runbooks.example/high-error-rate
                """);
        int promPort = freePort();
        Path promConfig = dir.resolve("prometheus.yml");
        Files.writeString(promConfig, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: ['%s']
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['127.0.0.1:%d']
                scrape_configs:
                  - job_name: pushgateway
                    honor_labels: true
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(rules, amPort, gatewayPort));
        push(gatewayPort, "warroom_error_rate_percent 9.5\n");
        start("prometheus", PROMETHEUS.toString(), "--config.file=" + promConfig,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + promPort,
                "--rules.alert.resend-delay=1s");
        awaitReady("http://127.0.0.1:" + promPort + "/-/ready");

        await(() -> !cards().isEmpty(), Duration.ofSeconds(60), "no card from the firing rule");
        Card card = cards().get(0);
        assertEquals("Error rate above 5 percent", card.title());
        assertEquals(Priority.CRITICAL, card.priority());
        assertEquals(Column.BACKLOG, card.column());
        assertTrue(card.description().contains("Runbook: https://runbooks.example/high-error-rate"), card.description());
        assertTrue(card.description().contains("Graph: http://"), card.description());

        await(() -> link().timesSeen() >= 3, Duration.ofSeconds(60), "Alertmanager did not repeat the notification");
        assertEquals(1, cards().size(), "repeated notifications add no card");

        push(gatewayPort, "warroom_error_rate_percent 1\n");
        await(() -> !link().firing(), Duration.ofSeconds(60), "no resolution arrived");
        List<Card> after = cards();
        assertEquals(1, after.size());
        assertTrue(after.get(0).statusNote().matches("✓ resolved \\d\\d:\\d\\d by Alertmanager"), after.get(0).statusNote());
        assertEquals(Column.BACKLOG, after.get(0).column());
        long received = db.read(tx -> tx.latestEvents(10_000)).stream()
                .filter(e -> e.kind() == EventKind.ALERT_RECEIVED).count();
        assertTrue(received >= 4, "every notification's alert is in the timeline: " + received);
    }

    private List<Card> cards() {
        return db.read(tx -> tx.cards());
    }

    private AlertCardLink link() {
        return db.read(tx -> tx.alertCards()).get(0);
    }

    private void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        fail(what + " within " + limit.toSeconds() + " s; server logs in " + dir);
    }

    private void start(String name, String... command) throws IOException {
        started.add(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start());
    }

    private void awaitReady(String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
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
        fail(url + " did not become ready within 30 s; logs in " + dir);
    }

    private void push(int port, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/metrics/job/warroom/instance/web"))
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
