package dev.warroom.metrics;

import dev.warroom.config.SeverityTiming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PollerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final TestClock clock = new TestClock(T0);
    private final MetricsFeed feed = new MetricsFeed(clock, 100, Duration.ofMinutes(5), List.of(),
            SeverityTiming.DEFAULT);

    /** A source whose next answer the test sets. */
    private static final class Scripted implements MetricSource {
        final AtomicReference<PollResult> next = new AtomicReference<>();
        final AtomicInteger polls = new AtomicInteger();

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Set<Metric> metrics() {
            return Set.of(Metric.CPU);
        }

        @Override
        public PollResult poll() {
            polls.incrementAndGet();
            return next.get();
        }
    }

    @Test
    void backoffStaysWithinTwoIntervalsSoARecoveredSourceIsPolledSoon() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30));
        Duration interval = Duration.ofSeconds(1);
        assertEquals(interval, backoff.delay(interval, 0, 0.99));
        assertEquals(Duration.ofSeconds(1), backoff.delay(interval, 1, 0.0));
        assertEquals(Duration.ofMillis(1999), backoff.delay(interval, 1, 0.9995));
        for (int failures = 1; failures <= 40; failures++) {
            Duration longest = backoff.delay(interval, failures, 0.99999);
            assertTrue(longest.compareTo(Duration.ofSeconds(2)) <= 0, failures + " failures: " + longest);
            assertTrue(backoff.delay(interval, failures, 0.0).compareTo(interval) >= 0);
        }
        assertEquals(Duration.ofMinutes(2), backoff.delay(Duration.ofMinutes(2), 5, 0.0), "never below the interval");
        assertTrue(backoff.delay(Duration.ofSeconds(20), 3, 0.99999).compareTo(Duration.ofSeconds(30)) <= 0,
                "the absolute cap still holds");
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndATrialPollClosesIt() {
        Scripted source = new Scripted();
        Poller poller = new Poller(feed, clock, new SplittableRandom(3));
        poller.add(source, Duration.ofSeconds(1), Duration.ofSeconds(1));
        source.next.set(PollResult.failed("HTTP 500 from http://127.0.0.1/x"));
        for (int i = 0; i < 3; i++) {
            poller.pollNow("scripted");
        }
        assertEquals(CircuitBreaker.State.OPEN, poller.circuit("scripted"));
        assertTrue(poller.nextDelay("scripted").compareTo(Duration.ofSeconds(2)) <= 0, "at most two intervals");

        PollResult skipped = poller.pollNow("scripted");
        assertEquals(3, source.polls.get(), "an open circuit does not call the source");
        assertEquals("circuit open after repeated failures (last: HTTP 500 from http://127.0.0.1/x); polls paused briefly",
                skipped.failure());
        MetricReading never = feed.drain().readings().get(Metric.CPU);
        assertEquals(Freshness.NO_DATA, never.freshness());
        assertTrue(never.problem().startsWith("source down: circuit open"), never.problem());

        clock.advance(Duration.ofSeconds(1).plusMillis(1)); // the breaker probes again after one interval
        source.next.set(PollResult.of(List.of(new MetricSample(Metric.CPU, clock.instant(), 40))));
        assertTrue(poller.pollNow("scripted").ok());
        assertEquals(4, source.polls.get());
        assertEquals(CircuitBreaker.State.CLOSED, poller.circuit("scripted"));
        assertEquals(Duration.ofSeconds(1), poller.nextDelay("scripted"));
        FeedBatch batch = feed.drain();
        assertEquals(40, batch.readings().get(Metric.CPU).value());
        assertEquals(Freshness.FRESH, batch.readings().get(Metric.CPU).freshness());
    }

    @Test
    void aThrowingSourceBecomesAReasonNotACrash() {
        MetricSource broken = new MetricSource() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Set<Metric> metrics() {
                return Set.of(Metric.CPU);
            }

            @Override
            public PollResult poll() {
                throw new IllegalStateException("bug");
            }
        };
        Poller poller = new Poller(feed, clock, new SplittableRandom(3));
        poller.add(broken, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertEquals("source failed unexpectedly: java.lang.IllegalStateException: bug",
                poller.pollNow("broken").failure());
    }

    @Test
    void scheduledPollingRunsOnDaemonThreadsAndStops() throws Exception {
        CountDownLatch threePolls = new CountDownLatch(3);
        AtomicReference<Thread> pollThread = new AtomicReference<>();
        MetricSource ticking = new MetricSource() {
            @Override
            public String name() {
                return "ticking";
            }

            @Override
            public Set<Metric> metrics() {
                return Set.of(Metric.CPU);
            }

            @Override
            public PollResult poll() {
                pollThread.set(Thread.currentThread());
                threePolls.countDown();
                return PollResult.of(List.of(new MetricSample(Metric.CPU, Instant.now(), 50)));
            }
        };
        CountDownLatch ready = new CountDownLatch(1);
        feed.addListener(new FeedListener() {
            @Override
            public void dataReady() {
                ready.countDown();
            }
        });
        try (Poller poller = new Poller(feed, java.time.Clock.systemUTC(), new SplittableRandom(1))) {
            poller.add(ticking, Duration.ofMillis(20), Duration.ofMillis(20));
            poller.start();
            assertTrue(threePolls.await(10, TimeUnit.SECONDS), "three polls happen");
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            assertTrue(pollThread.get().isDaemon());
            assertTrue(pollThread.get().getName().startsWith("metrics-poller-"));
            poller.setStopped("ticking", true);
            assertEquals("source stopped", feed.drain().readings().get(Metric.CPU).problem());
        }
    }
}
