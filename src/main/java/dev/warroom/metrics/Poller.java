package dev.warroom.metrics;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Polls every source on its own schedule, off the FX thread, on daemon threads.
 * After each poll the next one is scheduled: one interval later after a success, up to two
 * intervals later after failures ({@link Backoff}, jittered). Each source has a resilience4j
 * circuit breaker over its last 5 polls: with at least 3 polls and half of them failed it opens,
 * polls are skipped (and reported as "circuit open") for one poll interval, then one trial poll
 * decides. So a source that answers again is polled, and its tiles fresh, within two intervals.
 * Results go to the {@link MetricsFeed}.
 */
public final class Poller implements AutoCloseable {

    /** The breaker of a source polled every {@code interval}: it probes again after one interval. */
    static CircuitBreakerConfig breakerConfig(Clock clock, Duration interval) {
        return CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(5)
            .minimumNumberOfCalls(3)
            .failureRateThreshold(50)
            .waitDurationInOpenState(interval.isZero() || interval.isNegative() ? Duration.ofMillis(1) : interval)
            .permittedNumberOfCallsInHalfOpenState(1)
            .recordExceptions(SourceDown.class)
            .clock(clock)
            .build();
    }

    /** Marks a failed poll for the circuit breaker. */
    static final class SourceDown extends RuntimeException {
        SourceDown(String reason) {
            super(reason, null, false, false);
        }
    }

    private final MetricsFeed feed;
    private final Clock clock;
    private final RandomGenerator random;
    private final Backoff backoff;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean closed;

    public Poller(MetricsFeed feed, Clock clock, RandomGenerator random) {
        this(feed, clock, random, Backoff.DEFAULT);
    }

    Poller(MetricsFeed feed, Clock clock, RandomGenerator random, Backoff backoff) {
        this.feed = feed;
        this.clock = clock;
        this.random = random;
        this.backoff = backoff;
    }

    private static final class Entry {
        final MetricSource source;
        final Duration interval;
        final CircuitBreaker breaker;
        int failures;
        String lastFailure;
        Duration nextDelay;
        ScheduledFuture<?> next;
        boolean stopped;

        Entry(MetricSource source, Duration interval, CircuitBreaker breaker) {
            this.source = source;
            this.interval = interval;
            this.breaker = breaker;
            this.nextDelay = interval;
        }
    }

    /**
     * Adds a source. {@code timeout} is the source's own limit per poll (HTTP sources enforce
     * it themselves); the feed uses it with the interval to judge silence.
     */
    public synchronized void add(MetricSource source, Duration interval, Duration timeout) {
        if (entries.containsKey(source.name())) {
            throw new IllegalArgumentException("a source named " + source.name() + " is already polled");
        }
        CircuitBreaker breaker = CircuitBreaker.of(source.name(), breakerConfig(clock, interval));
        Entry entry = new Entry(source, interval, breaker);
        entries.put(source.name(), entry);
        feed.register(source.name(), source.metrics(), interval, timeout);
        if (scheduler != null) {
            schedule(entry, Duration.ZERO);
        }
    }

    /** Each source's name with the metrics it promises, in the order they were added. */
    public synchronized java.util.Map<String, java.util.Set<dev.warroom.domain.metric.Metric>> sourceMetrics() {
        java.util.Map<String, java.util.Set<dev.warroom.domain.metric.Metric>> out = new LinkedHashMap<>();
        entries.forEach((name, e) -> out.put(name, e.source.metrics()));
        return out;
    }

    /** The shortest polling interval of any source (1 s when there is none). */
    public synchronized Duration shortestInterval() {
        return entries.values().stream().map(e -> e.interval).min(Duration::compareTo).orElse(Duration.ofSeconds(1));
    }

    /** True once {@link #start()} ran. */
    public synchronized boolean started() {
        return scheduler != null;
    }

    /** Starts polling every source now. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "metrics-poller-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        scheduler = Executors.newScheduledThreadPool(Math.max(2, Math.min(4, entries.size())), daemons);
        entries.values().forEach(e -> schedule(e, Duration.ZERO));
    }

    /** Stops or resumes polling one source; a stopped source's tiles turn stale. */
    public synchronized void setStopped(String name, boolean stop) {
        Entry entry = entry(name);
        if (entry.stopped == stop) {
            return;
        }
        entry.stopped = stop;
        feed.stopped(name, stop);
        if (stop && entry.next != null) {
            entry.next.cancel(false);
        } else if (!stop && scheduler != null) {
            schedule(entry, Duration.ZERO);
        }
    }

    /** Polls one source right now on the calling thread (tests, a "retry now" button off the FX thread). */
    public PollResult pollNow(String name) {
        Entry entry;
        synchronized (this) {
            entry = entry(name);
        }
        return poll(entry);
    }

    /** Delay chosen after the most recent poll of this source. */
    public synchronized Duration nextDelay(String name) {
        return entry(name).nextDelay;
    }

    public synchronized CircuitBreaker.State circuit(String name) {
        return entry(name).breaker.getState();
    }

    private PollResult poll(Entry entry) {
        PollResult result;
        synchronized (entry) {
            CircuitBreaker breaker = entry.breaker;
            if (!breaker.tryAcquirePermission()) {
                result = PollResult.failed("circuit open after repeated failures (last: "
                        + SourceHealth.brief(entry.lastFailure) + "); polls paused briefly");
            } else {
                long started = System.nanoTime();
                try {
                    result = entry.source.poll();
                } catch (RuntimeException e) {
                    result = PollResult.failed("source failed unexpectedly: " + e);
                }
                long took = System.nanoTime() - started;
                if (result.ok()) {
                    breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                } else {
                    breaker.onError(took, TimeUnit.NANOSECONDS, new SourceDown(result.failure()));
                }
            }
            if (result.ok()) {
                entry.failures = 0;
            } else {
                entry.failures++;
                if (!result.failure().startsWith("circuit open")) {
                    entry.lastFailure = result.failure();
                }
            }
            entry.nextDelay = backoff.delay(entry.interval, entry.failures, random.nextDouble());
            feed.record(entry.source.name(), entry.source.metrics(), result, breaker.getState().name());
        }
        return result;
    }

    private void tick(Entry entry) {
        if (closed) {
            return;
        }
        synchronized (this) {
            if (entry.stopped) {
                return;
            }
        }
        poll(entry);
        synchronized (this) {
            if (!closed && !entry.stopped) {
                schedule(entry, entry.nextDelay);
            }
        }
    }

    private void schedule(Entry entry, Duration delay) {
        entry.next = scheduler.schedule(() -> tick(entry), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Entry entry(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new NoSuchElementException("no metric source named " + name);
        }
        return entry;
    }

    @Override
    public void close() {
        closed = true;
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
        }
        if (s != null) {
            s.shutdownNow();
        }
        synchronized (this) {
            entries.values().forEach(e -> e.source.close());
        }
    }
}
