package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.warroom.config.SeverityTiming;
import dev.warroom.domain.metric.Metric;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A real HTTP source on loopback dies and comes back: its tiles go STALE, and once it answers
 * again they are fresh within two polling intervals (no long backoff, no breaker holding it shut).
 */
class SourceRecoveryTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    /** Scheduling and HTTP slack on a loaded two-core machine, on top of the two intervals. */
    private static final Duration SLACK = Duration.ofMillis(1500);

    private static HttpServer serve(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "{\"cpu\": 42.5}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static long waitFor(MetricsFeed feed, Predicate<MetricReading> condition, Duration limit)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (System.nanoTime() < deadline) {
            MetricReading r = feed.reading(Metric.CPU);
            if (r != null && condition.test(r)) {
                return System.nanoTime() - started;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("condition not met within " + limit + "; reading " + feed.reading(Metric.CPU));
    }

    @Test
    void aSourceThatComesBackIsFreshWithinTwoIntervals() throws Exception {
        Clock clock = Clock.systemUTC();
        MetricsFeed feed = new MetricsFeed(clock, 100, Duration.ofMinutes(5), java.util.List.of(),
                SeverityTiming.DEFAULT);
        HttpServer server = serve(0);
        int port = server.getAddress().getPort();
        URI uri = URI.create("http://127.0.0.1:" + port + "/health");
        JsonEndpointSource source = new JsonEndpointSource("health", uri, Map.of(Metric.CPU, "/cpu"),
                new BearerToken(null, k -> null), Duration.ofMillis(500), clock, HttpFetch.DEFAULT_BODY_LIMIT);
        try (Poller poller = new Poller(feed, clock, new SplittableRandom(7))) {
            poller.add(source, INTERVAL, Duration.ofMillis(500));
            poller.start();
            waitFor(feed, r -> r.freshness() == Freshness.FRESH, Duration.ofSeconds(20));

            server.stop(0);
            waitFor(feed, r -> r.freshness() == Freshness.STALE, Duration.ofSeconds(20));
            // stay down long enough for the breaker to open and the old backoff to reach 8 s and more
            waitFor(feed, r -> feed.drain().sources().get(0).consecutiveFailures() >= 6, Duration.ofSeconds(30));
            assertEquals(Freshness.STALE, feed.reading(Metric.CPU).freshness());

            server = serve(port);
            long tookNanos = waitFor(feed, r -> r.freshness() == Freshness.FRESH, Duration.ofSeconds(40));
            Duration took = Duration.ofNanos(tookNanos);
            assertTrue(took.compareTo(INTERVAL.multipliedBy(2).plus(SLACK)) <= 0,
                    "fresh again after " + took.toMillis() + " ms; two intervals are " + INTERVAL.toMillis() * 2);
            assertEquals(42.5, feed.reading(Metric.CPU).value());
        } finally {
            server.stop(0);
        }
    }
}
