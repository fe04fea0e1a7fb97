package dev.warroom.app;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.metrics.LiveMetrics;
import dev.warroom.metrics.PollResult;
import dev.warroom.store.RecorderElection;
import dev.warroom.store.SampleRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Team mode: one client polls the metric sources and records the samples (whoever holds the recorder's
 * lock); every other client shows the same tiles, severities and alerts from the recorded samples. Once per
 * polling interval each client tries to take the lock: the recorder keeps it, and when the recorder quits or
 * dies another client gets it within two intervals and starts polling. A follower feeds the samples recorded
 * since its last look into its own metrics feed, so its tiles go stale when the recorder stops (the gap shows,
 * nothing fills it in). Owned by the app context.
 */
final class RecorderDuty implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RecorderDuty.class.getName());

    private final RecorderElection election;
    private final LiveMetrics metrics;
    private final SampleRepository archive;
    private final Clock clock;
    private final Map<Metric, Instant> seen = new EnumMap<>(Metric.class);
    private ScheduledExecutorService scheduler;
    private volatile boolean closed;

    RecorderDuty(RecorderElection election, LiveMetrics metrics, SampleRepository archive, Clock clock) {
        this.election = election;
        this.metrics = metrics;
        this.archive = archive;
        this.clock = clock;
    }

    /** Runs {@link #step()} now and then once per the shortest polling interval, on a thread of its own. */
    synchronized void start() {
        if (scheduler != null || closed) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warroom-recorder-duty");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(250, metrics.poller().shortestInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::stepQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    private void stepQuietly() {
        try {
            step();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "recorder duty: " + e.getMessage(), e);
        }
    }

    /** One turn: lead (start polling) if the lock is free, else show what the recorder recorded meanwhile. */
    synchronized void step() {
        if (closed) {
            return;
        }
        if (election.tryLead()) {
            if (!metrics.poller().started()) {
                metrics.start();
            }
            return;
        }
        follow();
    }

    /** True while this client polls and records (it holds the lock and its poller runs). */
    boolean recording() {
        return election.leading() && metrics.poller().started();
    }

    private void follow() {
        Instant now = clock.instant();
        // from shortly before this client joined: older samples would replay a past surge into today's severity
        Instant start = now.minus(metrics.poller().shortestInterval().multipliedBy(2));
        for (Map.Entry<String, Set<Metric>> source : metrics.poller().sourceMetrics().entrySet()) {
            Set<Metric> wanted = new LinkedHashSet<>(source.getValue());
            if (wanted.contains(Metric.REQUESTS_PER_SECOND)) {
                wanted.add(Metric.TRAFFIC_MULTIPLE);
            }
            List<MetricSample> fresh = new ArrayList<>();
            for (Metric metric : wanted) {
                Instant from = seen.getOrDefault(metric, start);
                List<MetricSample> got = archive.samples(metric, from, now.plus(Duration.ofMinutes(1)));
                if (!got.isEmpty()) {
                    fresh.addAll(got);
                    seen.put(metric, got.get(got.size() - 1).at().plusMillis(1));
                }
            }
            if (!fresh.isEmpty()) {
                fresh.sort(Comparator.comparing(MetricSample::at));
                metrics.feed().record(source.getKey(), source.getValue(), PollResult.of(fresh), "CLOSED");
            }
        }
    }

    /** Stops taking turns (the lock is kept until {@link #close()}, so the last samples can still be written). */
    synchronized void stopTurns() {
        closed = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Gives the recorder's lock up: another client takes over on its next turn. */
    @Override
    public void close() {
        stopTurns();
        election.close();
    }
}
