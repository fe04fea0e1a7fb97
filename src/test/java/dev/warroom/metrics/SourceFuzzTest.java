package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.warroom.config.SeverityTiming;
import dev.warroom.domain.metric.Metric;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The fuzz harness for every HTTP metric source: random valid, malformed, huge, slow, hanging,
 * redirecting, non-finite and hostile answers from real loopback HTTP servers, each poll handed to the
 * metrics feed as the poller does. Counts responses, exceptions that escaped a poll or the feed, polls
 * that ran past their timeout and tile texts over their bound, and the heap after.
 *
 * <p>The normal test run plays {@value #CI_RESPONSES} responses per source. The full run plays 10,000:
 * {@code mvn -o -Pfuzz test} (see README), or set {@code -Dwarroom.fuzz.responses=N}.
 */
class SourceFuzzTest {
    static final int CI_RESPONSES = 500;
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /**
     * A poll may end this much after its timeout before it counts as late: on a shared 2-core machine at load
     * 40-50 a thread can wait seconds for a core; a poll that hangs waits for ever.
     */
    private static final Duration LATE = Duration.ofSeconds(5);
    private static final int WORKERS = 4;
    private static final int BODY_LIMIT = HttpFetch.DEFAULT_BODY_LIMIT;

    /** One answer to one request. */
    private interface Reply {
        void send(HttpExchange exchange) throws IOException;
    }

    private record Figures(String source, int responses, long served, int ok, int failed, long escaped, long late,
                           long overlongTiles, long slowest) {
    }

    @Test
    void everyHttpSourceSurvivesRandomAndHostileAnswers() throws Exception {
        int responses = Integer.getInteger("warroom.fuzz.responses", CI_RESPONSES);
        long seed = Long.getLong("warroom.fuzz.seed", 20261201L);
        List<Figures> all = new ArrayList<>();
        all.add(run("json", responses, seed, (base) -> new JsonEndpointSource("fuzz-json", URI.create(base + "/health"),
                Map.of(Metric.ERROR_RATE, "/errors/rate", Metric.REQUESTS_PER_SECOND, "/rps"),
                new BearerToken(null, k -> null), TIMEOUT, new TestClock(Instant.now()), BODY_LIMIT), false));
        all.add(run("prometheus", responses, seed + 1, (base) -> new PrometheusSource("fuzz-prometheus",
                URI.create(base), Map.of(Metric.ERROR_RATE, "rate(errors[1m])"), SeriesAggregate.REFUSE,
                new BearerToken(null, k -> null), TIMEOUT, new TestClock(Instant.now()), BODY_LIMIT), true));
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (Figures f : all) {
            System.out.printf(Locale.ROOT, "source fuzz · %-10s responses %,d (served %,d) · ok %,d · failed %,d · "
                            + "escaped exceptions %d · polls past their timeout %d · tile texts over %d chars %d · "
                            + "slowest poll %d ms%n", f.source(), f.responses(), f.served(), f.ok(), f.failed(),
                    f.escaped(), f.late(), SourceHealth.BRIEF, f.overlongTiles(), f.slowest());
        }
        System.out.printf(Locale.ROOT, "source fuzz · heap after %.1f MiB (max %.0f MiB) · load %s%n", heap / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0, loadAverage());
        for (Figures f : all) {
            assertEquals(0, f.escaped(), f.source() + ": exceptions escaped a poll or the feed");
            assertEquals(0, f.late(), f.source() + ": polls ran past their timeout");
            assertEquals(0, f.overlongTiles(), f.source() + ": tile texts over their bound");
            assertEquals(f.responses(), f.ok() + f.failed(), f.source());
            assertTrue(f.ok() > 0 && f.failed() > 0, f.source() + ": the mix should both succeed and fail");
        }
    }

    private Figures run(String kind, int responses, long seed, Function<String, MetricSource> open, boolean prometheus)
            throws Exception {
        AtomicLong served = new AtomicLong();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong escaped = new AtomicLong();
        AtomicLong late = new AtomicLong();
        AtomicLong overlong = new AtomicLong();
        AtomicLong slowest = new AtomicLong();
        Map<Integer, Reply> slots = new ConcurrentHashMap<>();
        MetricsFeed feed = new MetricsFeed(new TestClock(Instant.now()), 100, Duration.ofMinutes(5), List.of(),
                new SeverityTiming(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(10),
                        Duration.ofSeconds(60)));
        try (LoopbackServer server = new LoopbackServer()) {
            List<MetricSource> sources = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                server.on("/w" + w, exchange -> {
                    served.incrementAndGet();
                    Reply reply = slots.get(worker);
                    if (reply != null) {
                        reply.send(exchange);
                    }
                });
                MetricSource source = open.apply(server.base() + "/w" + w);
                sources.add(source);
                feed.register(source.name() + w, source.metrics(), Duration.ofSeconds(1), TIMEOUT);
            }
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    int share = responses / WORKERS + (w < responses % WORKERS ? 1 : 0);
                    SplittableRandom random = new SplittableRandom(seed * 31 + w);
                    jobs.add(pool.submit(() -> {
                        MetricSource source = sources.get(worker);
                        for (int i = 0; i < share; i++) {
                            slots.put(worker, reply(random, prometheus));
                            long started = System.nanoTime();
                            try {
                                PollResult result = source.poll();
                                long took = System.nanoTime() - started;
                                slowest.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(took), Math::max);
                                if (took > TIMEOUT.plus(LATE).toNanos()) {
                                    late.incrementAndGet();
                                }
                                (result.ok() ? ok : failed).incrementAndGet();
                                feed.record(source.name() + worker, source.metrics(), result, "CLOSED");
                                for (MetricReading r : feed.drain().readings().values()) {
                                    if (r.problem() != null && r.problem().length() > SourceHealth.BRIEF) {
                                        overlong.incrementAndGet();
                                    }
                                }
                            } catch (RuntimeException | Error e) {
                                escaped.incrementAndGet();
                                System.out.println("source fuzz · escaped from " + kind + ": " + e);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> job : jobs) {
                    job.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return new Figures(kind, responses, served.get(), ok.get(), failed.get(), escaped.get(), late.get(),
                overlong.get(), slowest.get());
    }

    /** One random answer: mostly valid, the rest every kind of wrong an endpoint can be. */
    private static Reply reply(SplittableRandom r, boolean prometheus) {
        int pick = r.nextInt(100);
        if (pick < 35) {
            return json(200, valid(r, prometheus));
        }
        if (pick < 43) {
            return json(200, prometheus ? promValue(nonFinite(r, true)) : jsonBody(nonFinite(r, false)));
        }
        if (pick < 53) {
            return json(200, malformed(r, prometheus));
        }
        if (pick < 56) {
            return huge(r);
        }
        if (pick < 62) {
            int delay = r.nextInt(20, 200);
            String body = valid(r, prometheus);
            return exchange -> {
                pause(delay);
                send(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
            };
        }
        if (pick < 65) {
            return exchange -> pause(TIMEOUT.toMillis() + 400);
        }
        if (pick < 67) {
            return trickle();
        }
        if (pick < 73) {
            int status = new int[] {301, 302, 303, 307, 308}[r.nextInt(5)];
            String location = r.nextBoolean() ? "http://169.254.169.254/latest/meta-data/" : "/elsewhere";
            return exchange -> {
                exchange.getResponseHeaders().set("Location", location);
                send(exchange, status, null, new byte[0]);
            };
        }
        if (pick < 80) {
            String error = hostileText(r, r.nextInt(3) == 0 ? r.nextInt(5_000, 900_000) : r.nextInt(1, 300));
            String body = prometheus
                    ? "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":" + quoted(error) + "}"
                    : "{\"error\":" + quoted(error) + "}";
            return json(prometheus ? 400 : 500, body);
        }
        if (pick < 84) {
            String title = hostileText(r, r.nextInt(1, 2000));
            return raw(r.nextBoolean() ? 200 : 502, "text/html; charset=utf-8",
                    ("<!DOCTYPE html><html><head><title>" + title + "</title></head><body>down</body></html>")
                            .getBytes(StandardCharsets.UTF_8));
        }
        if (pick < 88) {
            String[] types = {"text/plain", "text/csv", "application/xml", "", "application/octet-stream"};
            return raw(200, types[r.nextInt(types.length)], randomBytes(r, r.nextInt(0, 4096)));
        }
        if (pick < 92) {
            return raw(new int[] {204, 404, 429, 500, 503}[r.nextInt(5)], "application/json", new byte[0]);
        }
        if (pick < 96) {
            return json(200, wrongShape(r, prometheus));
        }
        return raw(200, "application/json", randomBytes(r, r.nextInt(1, 20_000)));
    }

    private static String valid(SplittableRandom r, boolean prometheus) {
        double v = r.nextInt(4) == 0 ? r.nextDouble() * 1e6 : r.nextDouble() * 10;
        String text = r.nextBoolean() ? String.valueOf(v) : String.format(Locale.ROOT, "%.3e", v);
        return prometheus ? promValue(text) : jsonBody(r.nextBoolean() ? text : "\"" + text + "\"");
    }

    private static String promValue(String value) {
        String v = value.startsWith("\"") ? value : "\"" + value + "\"";
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":"
                + "[1732350000.123," + v + "]}]}}";
    }

    private static String jsonBody(String value) {
        return "{\"errors\":{\"rate\":" + value + "},\"rps\":" + value + "}";
    }

    private static String nonFinite(SplittableRandom r, boolean prometheus) {
        String[] prom = {"NaN", "+Inf", "-Inf", "1e999", "-1e999", "Infinity"};
        String[] json = {"1e999", "-1e999", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1.7976931348623157e309"};
        return prometheus ? prom[r.nextInt(prom.length)] : json[r.nextInt(json.length)];
    }

    private static String malformed(SplittableRandom r, boolean prometheus) {
        String good = valid(r, prometheus);
        return switch (r.nextInt(5)) {
            case 0 -> good.substring(0, r.nextInt(1, good.length()));
            case 1 -> good.replace(":", r.nextBoolean() ? "" : "::");
            case 2 -> "{".repeat(r.nextInt(1, 5000));
            case 3 -> "[".repeat(2000) + "]".repeat(1999);
            default -> good + "garbage" + good;
        };
    }

    private static String wrongShape(SplittableRandom r, boolean prometheus) {
        String[] prom = {"{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"values\":[[1,\"2\"]]}]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1,\"1\"]},"
                        + "{\"value\":[1,\"2\"]}]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"x\"]}}",
                "{\"status\":\"success\"}", "[]", "null", "42", "\"text\"",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1]}]}}"};
        String[] json = {"{}", "[]", "null", "42", "{\"errors\":[]}", "{\"errors\":{\"rate\":{\"x\":1}}}",
                "{\"errors\":{\"rate\":true},\"rps\":\"12 per second\"}", "{\"errors\":{\"rate\":null}}"};
        return prometheus ? prom[r.nextInt(prom.length)] : json[r.nextInt(json.length)];
    }

    /** Text with control characters, direction overrides, astral characters and lone surrogates. */
    private static String hostileText(SplittableRandom r, int length) {
        String[] pieces = {"\u202E", "\u0000", "\u001B[2J", "\n", "\uD83D\uDE80", "\uD83D", "<script>", "ok ", "é",
                "\u2066", "\t", "x"};
        StringBuilder sb = new StringBuilder(length + 8);
        while (sb.length() < length) {
            sb.append(r.nextInt(3) == 0 ? pieces[r.nextInt(pieces.length)] : "error ");
        }
        return sb.toString();
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static Reply huge(SplittableRandom r) {
        int size = BODY_LIMIT + r.nextInt(1, BODY_LIMIT);
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            boolean declared = size % 2 == 0;
            exchange.sendResponseHeaders(200, declared ? size : 0);
            byte[] chunk = ("{\"pad\":\"" + "x".repeat(8000)).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int sent = 0; sent < size; sent += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, size - sent));
                }
            } catch (IOException closedByClient) {
                // the client stops reading at its limit
            }
        };
    }

    /** Headers at once, then the body a byte at a time, slower than the timeout allows. */
    private static Reply trickle() {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (byte b : "{\"errors\":{\"rate\":1},\"rps\":1}".getBytes(StandardCharsets.UTF_8)) {
                    out.write(b);
                    out.flush();
                    pause(40);
                }
            } catch (IOException closedByClient) {
                // the client gave up at its timeout
            }
        };
    }

    private static Reply json(int status, String body) {
        return raw(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static Reply raw(int status, String contentType, byte[] body) {
        return exchange -> send(exchange, status, contentType, body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try {
            LoopbackServer.reply(exchange, status, contentType == null || contentType.isEmpty() ? null : contentType,
                    body);
        } catch (IOException closedByClient) {
            // the client timed out and closed the connection first
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
