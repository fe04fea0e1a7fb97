package dev.warroom.bench;

import dev.warroom.connect.AlertReceiver;
import dev.warroom.config.ReceiverSettings;
import dev.warroom.crisis.alerts.AlertIntake;
import dev.warroom.store.Database;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Sustained load on the alert receiver, over real HTTP on loopback into a real H2 file: Alertmanager
 * payloads at a fixed rate (open loop: each request is due at its own time, and its latency is
 * counted from then, so a stalled server cannot hide queued requests), spread over a fixed set of
 * alert groups so nearly every request is a repeat that must not add a card. Reports the achieved
 * rate, latency percentiles and the number of cards against the number of groups (duplicates = cards
 * beyond groups). A JMH benchmark measures one operation; this measures a rate, hence a harness.
 *
 * <pre>mvn -o -q -Pbench package -DskipTests &amp;&amp; java -cp target/benchmarks.jar \
 *     dev.warroom.bench.ReceiverLoadHarness [rate/s] [seconds] [groups]</pre>
 */
public final class ReceiverLoadHarness {
    /** Open connections at most, as a sender like Alertmanager keeps a bounded pool. */
    private static final int MAX_IN_FLIGHT = 48;
    private ReceiverLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int groups = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        java.util.logging.Logger.getLogger("org.flywaydb").setLevel(java.util.logging.Level.WARNING);
        Path dir = Files.createTempDirectory("warroom-receiver-bench");
        System.out.println("load before: " + loadavg());
        try (Database db = Database.open(dir.resolve("bench"));
             AlertReceiver receiver = AlertReceiver.start(new ReceiverSettings(true, "127.0.0.1", 0, "BENCH_TOKEN"),
                     new AlertIntake(db, Clock.systemUTC(), ZoneId.systemDefault()), n -> "bench-token")) {
            URI uri = URI.create("http://127.0.0.1:" + receiver.port() + AlertReceiver.ALERTMANAGER_PATH);
            ExecutorService clientPool = Executors.newFixedThreadPool(4);
            HttpClient http = HttpClient.newBuilder().executor(clientPool).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            byte[][] bodies = new byte[groups][];
            for (int g = 0; g < groups; g++) {
                bodies[g] = payload(g).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            warmUp(http, uri, bodies, Math.min(2000, rate * 2));
            int total = rate * seconds;
            long[] latencies = new long[total];
            AtomicInteger errors = new AtomicInteger();
            ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
            CompletableFuture<?>[] inFlight = new CompletableFuture<?>[total];
            java.util.concurrent.Semaphore connections = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
            long intervalNanos = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                connections.acquire(); // waiting for a connection counts: latency is measured from the due time
                HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer bench-token")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[i % groups])).build();
                inFlight[i] = http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
                    latencies[index] = System.nanoTime() - due;
                    connections.release();
                    if (e != null || r.statusCode() != 200) {
                        errors.incrementAndGet();
                        if (errorSamples.size() < 5) {
                            errorSamples.add(e != null ? e.toString() : "HTTP " + r.statusCode());
                        }
                    }
                    return null;
                });
            }
            CompletableFuture.allOf(inFlight).join();
            long elapsed = System.nanoTime() - start;
            clientPool.shutdownNow();
            Arrays.sort(latencies);
            long cards = db.read(tx -> tx.cards().size());
            long links = db.read(tx -> tx.alertCards().size());
            System.out.printf("requests: %d in %.2f s = %.0f alerts/s sustained (target %d/s), errors %d %s%n",
                    total, elapsed / 1e9, total / (elapsed / 1e9), rate, errors.get(), errorSamples);
            System.out.printf("latency from due time: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                    pct(latencies, 0.50), pct(latencies, 0.90), pct(latencies, 0.99), pct(latencies, 0.999),
                    latencies[latencies.length - 1] / 1e6);
            System.out.printf("groups %d, cards %d, alert rows %d, duplicate cards %d%n", groups, cards, links,
                    cards - groups);
            System.out.println("load after: " + loadavg());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void warmUp(HttpClient http, URI uri, byte[][] bodies, int n) throws InterruptedException {
        CompletableFuture<?>[] all = new CompletableFuture<?>[n];
        java.util.concurrent.Semaphore connections = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
        for (int i = 0; i < n; i++) {
            connections.acquire();
            all[i] = http.sendAsync(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer bench-token")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[i % bodies.length])).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> connections.release());
        }
        CompletableFuture.allOf(all).join();
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String payload(int group) {
        return """
            {"version":"4","groupKey":"{}:{alertname=\\"Load%d\\"}","truncatedAlerts":0,"status":"firing",
             "receiver":"warroom","groupLabels":{"alertname":"Load%d"},
             "commonLabels":{"alertname":"Load%d","severity":"critical","service":"api"},
             "commonAnnotations":{"summary":"Synthetic load alert %d","runbook_url":"https://runbooks.example/load"},
             "externalURL":"http://alertmanager.example:9093",
             "alerts":[{"status":"firing","labels":{"alertname":"Load%d","severity":"critical","service":"api",
               "instance":"web-%d"},"annotations":{"summary":"Synthetic load alert %d"},
               "startsAt":"2026-12-01T14:29:00Z","endsAt":"0001-01-01T00:00:00Z",
               "generatorURL":"http://prometheus.example:9090/graph?g0.expr=x","fingerprint":"f%d"}]}
            """.formatted(group, group, group, group, group, group, group, group);
    }
}
