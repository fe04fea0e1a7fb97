package dev.warroom.bench;

import dev.warroom.connect.AlertReceiver;
import dev.warroom.config.ReceiverSettings;
import dev.warroom.crisis.alerts.AlertIntake;
import dev.warroom.store.Database;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Sustained load on the alert receiver, over real HTTP on loopback into a real H2 file: Alertmanager
 * payloads at a fixed rate (open loop: each request is due at its own time, and its latency is
 * counted from then, so a stalled server cannot hide queued requests), spread over a fixed set of
 * alert groups so nearly every request is a repeat that must not add a card. Reports the achieved
 * rate, latency percentiles, how many write transactions carried them, the number of cards against the
 * number of groups (duplicates = cards beyond groups) and the CPU the process used. A JMH benchmark
 * measures one operation; this measures a rate, hence a harness.
 *
 * <p>The sender keeps {@value #CONNECTIONS} persistent HTTP/1.1 connections, as Alertmanager's Go client
 * does, each on a thread doing plain blocking socket I/O: the JDK's HttpClient cost more CPU than the
 * receiver it was measuring on this 2-core machine, and sender and receiver share the cores.
 *
 * <pre>mvn -o -q -Pbench package -DskipTests &amp;&amp; java -cp target/benchmarks.jar \
 *     dev.warroom.bench.ReceiverLoadHarness [rate/s] [seconds] [groups] [warm-up seconds]</pre>
 */
public final class ReceiverLoadHarness {
    /** Persistent connections, as a sender like Alertmanager keeps a bounded pool. */
    private static final int CONNECTIONS = 48;
    private static final String TOKEN = "bench-token";
    /** Held so the level set on it stays (the log manager keeps loggers only weakly). */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    private ReceiverLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int groups = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        Path dir = Files.createTempDirectory("warroom-receiver-bench");
        System.out.println("load before: " + loadavg());
        // one writer thread, as in the app, where the intake's batches queue with every other change
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-writer"));
        try (Database db = Database.open(dir.resolve("bench"))) {
            AlertIntake intake = new AlertIntake(db, Clock.systemUTC(), ZoneId.systemDefault(), writer);
            try (AlertReceiver receiver = AlertReceiver.start(new ReceiverSettings(true, "127.0.0.1", 0,
                    "BENCH_TOKEN"), intake, n -> TOKEN)) {
                byte[][] requests = new byte[groups][];
                for (int g = 0; g < groups; g++) {
                    requests[g] = request(receiver.port(), payload(g));
                }
                Phase warm = Phase.run(receiver.port(), requests, rate, warmUp);
                System.out.printf("warm-up: %d requests in %d s, p99 %.1f ms%n", warm.latencies.length, warmUp,
                        warm.pct(0.99));
                long batchesBefore = intake.batchesWritten();
                long cpuBefore = processCpuNanos();
                Phase measured = Phase.run(receiver.port(), requests, rate, seconds);
                double cores = (processCpuNanos() - cpuBefore) / (double) measured.elapsedNanos;
                report(db, intake.batchesWritten() - batchesBefore, measured, rate, groups, cores,
                        warm.latencies.length + measured.latencies.length);
            }
        } finally {
            writer.shutdown();
            writer.awaitTermination(10, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(Database db, long batches, Phase m, int rate, int groups, double cores, int sent) {
        int total = m.latencies.length;
        System.out.printf("requests: %d in %.2f s = %.0f alerts/s sustained (target %d/s), errors %d %s%n",
                total, m.elapsedNanos / 1e9, total / (m.elapsedNanos / 1e9), rate, m.errors.get(), m.errorSamples);
        System.out.printf("latency from due time: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                m.pct(0.50), m.pct(0.90), m.pct(0.99), m.pct(0.999), m.latencies[total - 1] / 1e6);
        System.out.printf("write transactions %d, %.1f notifications each on average%n", batches,
                batches == 0 ? 0.0 : (double) total / batches);
        long cards = db.read(tx -> tx.cards().size());
        long links = db.read(tx -> tx.alertCards().size());
        long seen = db.read(tx -> tx.alertCards().stream().mapToLong(l -> l.timesSeen()).sum());
        System.out.printf("groups %d, cards %d, alert rows %d, duplicate cards %d, notifications counted %d of %d "
                + "sent (warm-up included)%n", groups, cards, links, cards - groups, seen, sent);
        System.out.printf("CPU used by this process (receiver, writer and sender): %.2f cores; %.2f ms per alert%n",
                cores, cores * m.elapsedNanos / 1e6 / total);
        System.out.println("load after: " + loadavg());
    }

    /** One open-loop run: requests due at a fixed rate, sent over the persistent connections. */
    private static final class Phase {
        long[] latencies;
        long elapsedNanos;
        final AtomicInteger errors = new AtomicInteger();
        final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

        static Phase run(int port, byte[][] requests, int rate, int seconds) throws InterruptedException {
            Phase p = new Phase();
            int total = rate * seconds;
            p.latencies = new long[total];
            LinkedBlockingQueue<long[]> due = new LinkedBlockingQueue<>();
            CountDownLatch done = new CountDownLatch(total);
            List<Thread> senders = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                Thread t = new Thread(() -> p.send(port, requests, due, done), "bench-sender-" + c);
                t.setDaemon(true);
                t.start();
                senders.add(t);
            }
            long intervalNanos = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long at = start + i * intervalNanos;
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                due.add(new long[] {i, at}); // waiting for a free connection counts: latency runs from here
            }
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("requests still unanswered after 5 minutes");
            }
            p.elapsedNanos = System.nanoTime() - start;
            senders.forEach(Thread::interrupt);
            Arrays.sort(p.latencies);
            return p;
        }

        private void send(int port, byte[][] requests, LinkedBlockingQueue<long[]> due, CountDownLatch done) {
            Socket socket = null;
            try {
                while (true) {
                    long[] next = due.take();
                    int index = (int) next[0];
                    try {
                        if (socket == null) {
                            socket = new Socket(InetAddress.getLoopbackAddress(), port);
                            socket.setTcpNoDelay(true);
                            socket.setSoTimeout(60_000);
                        }
                        OutputStream out = socket.getOutputStream();
                        out.write(requests[index % requests.length]);
                        out.flush();
                        Response r = Response.read(new BufferedInputStream(socket.getInputStream(), 512));
                        if (r.status != 200) {
                            failed("HTTP " + r.status);
                        }
                        if (r.close) {
                            socket.close();
                            socket = null;
                        }
                    } catch (IOException e) {
                        failed(e.toString());
                        closeQuietly(socket);
                        socket = null;
                    }
                    latencies[index] = System.nanoTime() - next[1];
                    done.countDown();
                }
            } catch (InterruptedException stop) {
                closeQuietly(socket);
            }
        }

        private void failed(String what) {
            errors.incrementAndGet();
            if (errorSamples.size() < 5) {
                errorSamples.add(what);
            }
        }

        double pct(double p) {
            int i = (int) Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1);
            return latencies[Math.max(0, i)] / 1e6;
        }
    }

    /** The status of an HTTP/1.1 response read off a kept-alive connection, its body consumed. */
    private record Response(int status, boolean close) {
        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2) {
                throw new IOException("no HTTP status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean close = false;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).strip());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (length < 0) {
                throw new IOException("response without Content-Length");
            }
            // BufferedInputStream may have read ahead only within this response: the server answers one at a time
            in.skipNBytes(length);
            return new Response(status, close);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed mid-response");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }
    }

    private static byte[] request(int port, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + AlertReceiver.ALERTMANAGER_PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
