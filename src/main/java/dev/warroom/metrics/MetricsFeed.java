package dev.warroom.metrics;

import dev.warroom.config.SeverityTiming;
import dev.warroom.domain.metric.AlertEvaluator;
import dev.warroom.domain.metric.AlertRule;
import dev.warroom.domain.metric.AlertTransition;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityChange;
import dev.warroom.domain.metric.SeverityStatus;
import dev.warroom.domain.metric.SignalState;
import dev.warroom.domain.metric.SustainedSeverity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where poll results land and the UI picks them up. Thread-safe: pollers call
 * {@link #record}, the UI calls {@link #drain()} once per pulse and gets everything new in
 * one {@link FeedBatch}. Values outside a metric's sane range are rejected and counted.
 * Every accepted sample goes through the alert rules and the severity classifiers; their
 * transitions go to the {@link FeedListener}s and into the next batch.
 *
 * <p>Staleness: a series is STALE after two polls in a row without a good value for it, when
 * its source is stopped, or when nothing arrived for more than two intervals plus a timeout
 * (a source stuck in backoff). The last good value is kept and shown as stale.
 * Outages: a source whose second poll in a row fails is down from its first failure; the first
 * good poll after that brings it back. Both go to the listeners ({@link FeedListener#sourceChanged}).
 * Traffic multiple: a source that gives requests/s but not the multiple gets a derived
 * {@code traffic-multiple} series (requests/s divided by the configured baseline).
 */
public final class MetricsFeed {

    static final int HISTORY = 4096;
    static final int MAX_PENDING_SAMPLES = 100_000;
    private static final int NOTES_KEPT = 20;

    private final Clock clock;
    private final double trafficBaseline;
    private final Duration trendWindow;
    private final AlertEvaluator alerts;
    private final SustainedSeverity<ScaleSeverity> scale;
    private final SustainedSeverity<IncidentSeverity> incident;
    private final List<FeedListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean signalled = new AtomicBoolean();

    private final Map<String, SourceRecord> sources = new LinkedHashMap<>();
    private final Map<String, Map<Metric, SeriesState>> series = new LinkedHashMap<>();
    private final ArrayDeque<MetricSample> pendingSamples = new ArrayDeque<>();
    private long droppedSamples;
    private final List<AlertTransition> pendingAlerts = new ArrayList<>();
    private final List<SeverityChange<ScaleSeverity>> pendingScale = new ArrayList<>();
    private final List<SeverityChange<IncidentSeverity>> pendingIncident = new ArrayList<>();

    public MetricsFeed(Clock clock, double trafficBaseline, Duration trendWindow, List<AlertRule> rules,
                       SeverityTiming timing) {
        if (!(trafficBaseline > 0)) {
            throw new IllegalArgumentException("traffic baseline must be positive, was " + trafficBaseline);
        }
        this.clock = clock;
        this.trafficBaseline = trafficBaseline;
        this.trendWindow = trendWindow;
        this.alerts = new AlertEvaluator(rules);
        SeverityTiming t = timing.withDefaults();
        this.scale = SustainedSeverity.scale(t.scaleEscalateAfter(), t.scaleCalmAfter());
        this.incident = SustainedSeverity.incident(t.incidentEscalateAfter(), t.incidentCalmAfter());
    }

    public void addListener(FeedListener listener) {
        listeners.add(listener);
    }

    public void removeListener(FeedListener listener) {
        listeners.remove(listener);
    }

    /** Announces a source and the metrics it promises, so its tiles can say "no data yet" or why. */
    public synchronized void register(String source, Set<Metric> metrics, Duration interval, Duration timeout) {
        SourceRecord record = sources.computeIfAbsent(source, SourceRecord::new);
        record.interval = interval;
        record.timeout = timeout;
        for (Metric metric : withDerived(metrics)) {
            seriesFor(source, metric);
        }
    }

    /** The source is no longer polled (paused or removed): its tiles turn stale. */
    public void stopped(String source, boolean stopped) {
        synchronized (this) {
            sources.computeIfAbsent(source, SourceRecord::new).stopped = stopped;
        }
        signal();
    }

    /** Called by the poller after each poll; {@code circuit} is the breaker state for the sources panel. */
    public void record(String source, Set<Metric> promised, PollResult result, String circuit) {
        List<MetricSample> accepted = new ArrayList<>();
        List<AlertTransition> transitions = new ArrayList<>();
        List<SeverityChange<ScaleSeverity>> scaleChanges = new ArrayList<>();
        List<SeverityChange<IncidentSeverity>> incidentChanges = new ArrayList<>();
        SourceOutage outage = null;
        synchronized (this) {
            Instant now = clock.instant();
            SourceRecord record = sources.computeIfAbsent(source, SourceRecord::new);
            record.lastAttempt = now;
            record.circuit = circuit;
            for (String note : result.notes()) {
                record.note(note);
            }
            Set<Metric> expected = withDerived(promised);
            if (!result.ok()) {
                record.failures++;
                record.lastFailure = SourceHealth.full(result.failure());
                if (record.failures == 1) {
                    record.firstFailure = now;
                }
                if (record.failures == 2 && record.downSince == null) {
                    record.downSince = record.firstFailure;
                    outage = new SourceOutage(source, true, record.downSince, record.downSince, record.lastFailure);
                }
                for (Metric metric : expected) {
                    seriesFor(source, metric);
                }
                for (SeriesState s : series.getOrDefault(source, Map.of()).values()) {
                    miss(s, "source down: " + result.failure());
                }
            } else {
                if (record.downSince != null) {
                    outage = new SourceOutage(source, false, now, record.downSince, record.lastFailure);
                    record.downSince = null;
                }
                record.failures = 0;
                record.lastSuccess = now;
                Set<Metric> good = new HashSet<>();
                Set<Metric> refused = new HashSet<>();
                boolean hasMultiple = result.samples().stream().anyMatch(m -> m.metric() == Metric.TRAFFIC_MULTIPLE);
                for (MetricSample sample : result.samples()) {
                    take(source, sample, now, good, refused, accepted, transitions, scaleChanges, incidentChanges);
                    if (sample.metric() == Metric.REQUESTS_PER_SECOND && !hasMultiple
                            && Metric.REQUESTS_PER_SECOND.range().contains(sample.value())) {
                        MetricSample derived = new MetricSample(Metric.TRAFFIC_MULTIPLE, sample.at(),
                                sample.value() / trafficBaseline);
                        take(source, derived, now, good, refused, accepted, transitions, scaleChanges,
                                incidentChanges);
                    }
                }
                for (SeriesState s : series.getOrDefault(source, Map.of()).values()) {
                    boolean promisedOrSeen = expected.contains(s.metric) || s.lastReceived != null;
                    if (good.contains(s.metric) || refused.contains(s.metric) || !promisedOrSeen) {
                        continue;
                    }
                    String why = result.metricProblems().get(s.metric);
                    if (why == null && s.metric == Metric.TRAFFIC_MULTIPLE) {
                        why = result.metricProblems().get(Metric.REQUESTS_PER_SECOND);
                    }
                    miss(s, why != null ? why : "no value in the last poll");
                }
            }
            for (MetricSample sample : accepted) {
                if (pendingSamples.size() == MAX_PENDING_SAMPLES) {
                    pendingSamples.removeFirst();
                    droppedSamples++;
                }
                pendingSamples.addLast(sample);
            }
            pendingAlerts.addAll(transitions);
            pendingScale.addAll(scaleChanges);
            pendingIncident.addAll(incidentChanges);
        }
        for (FeedListener listener : listeners) {
            if (!accepted.isEmpty()) {
                listener.samplesAccepted(source, List.copyOf(accepted));
            }
            transitions.forEach(listener::alertChanged);
            scaleChanges.forEach(listener::scaleChanged);
            incidentChanges.forEach(listener::incidentChanged);
            if (outage != null) {
                listener.sourceChanged(outage);
            }
        }
        signal();
    }

    private void take(String source, MetricSample sample, Instant now, Set<Metric> good, Set<Metric> refused,
                      List<MetricSample> accepted,
                      List<AlertTransition> transitions, List<SeverityChange<ScaleSeverity>> scaleChanges,
                      List<SeverityChange<IncidentSeverity>> incidentChanges) {
        SeriesState s = seriesFor(source, sample.metric());
        Metric metric = sample.metric();
        if (!metric.range().contains(sample.value())) {
            s.rejected++;
            if (!good.contains(metric) && refused.add(metric)) {
                miss(s, "rejected " + sample.value() + " " + metric.unit() + ": outside the sane range "
                        + metric.range());
            }
            return;
        }
        good.add(metric);
        refused.remove(metric);
        s.misses = 0;
        s.problem = null;
        s.lastReceived = now;
        accepted.add(sample);
        long millis = sample.at().toEpochMilli();
        if (millis < s.lastMillis()) {
            return; // late sample: stored, but not replayed through history or rules
        }
        s.lastAt = sample.at();
        s.add(millis, sample.value());
        String before = s.units.warning();
        String warning = s.units.observe(sample.at(), sample.value()).orElse(null);
        if (warning != null && before == null) {
            sources.computeIfAbsent(source, SourceRecord::new).note(metric.key() + ": " + warning);
        }
        transitions.addAll(alerts.evaluate(sample));
        if (metric == Metric.TRAFFIC_MULTIPLE) {
            scale.observe(sample.at(), sample.value()).ifPresent(scaleChanges::add);
        } else if (metric == Metric.ERROR_RATE) {
            incident.observe(sample.at(), sample.value()).ifPresent(incidentChanges::add);
        }
    }

    /** Marks a missed value; the reason is bounded here, the one place tiles get their text from. */
    private static void miss(SeriesState s, String why) {
        s.misses++;
        s.problem = SourceHealth.brief(why);
        s.changed = true;
    }

    private SeriesState seriesFor(String source, Metric metric) {
        return series.computeIfAbsent(source, k -> new EnumMap<>(Metric.class))
                .computeIfAbsent(metric, m -> new SeriesState(source, m, HISTORY));
    }

    private static Set<Metric> withDerived(Set<Metric> metrics) {
        Set<Metric> all = new HashSet<>(metrics);
        if (all.contains(Metric.REQUESTS_PER_SECOND)) {
            all.add(Metric.TRAFFIC_MULTIPLE);
        }
        return all;
    }

    private void signal() {
        if (signalled.compareAndSet(false, true)) {
            for (FeedListener listener : listeners) {
                listener.dataReady();
            }
        }
    }

    /** Everything new since the previous drain, plus the current state of every tile. */
    public FeedBatch drain() {
        signalled.set(false);
        synchronized (this) {
            Instant now = clock.instant();
            List<MetricReading> all = new ArrayList<>();
            Map<Metric, MetricReading> tiles = new EnumMap<>(Metric.class);
            for (Map<Metric, SeriesState> bySource : series.values()) {
                for (SeriesState s : bySource.values()) {
                    MetricReading reading = reading(s, now);
                    all.add(reading);
                    tiles.merge(s.metric, reading, MetricsFeed::better);
                }
            }
            List<SourceHealth> health = new ArrayList<>();
            for (SourceRecord r : sources.values()) {
                health.add(r.health());
            }
            FeedBatch batch = new FeedBatch(now, tiles, all, List.copyOf(pendingSamples), droppedSamples,
                    List.copyOf(pendingAlerts), List.copyOf(pendingScale), List.copyOf(pendingIncident),
                    scale.level(), incident.level(), alerts.statuses(), health,
                    SeverityStatus.of(scale, signal(tiles.get(Metric.TRAFFIC_MULTIPLE))),
                    SeverityStatus.of(incident, signal(tiles.get(Metric.ERROR_RATE))));
            pendingSamples.clear();
            droppedSamples = 0;
            pendingAlerts.clear();
            pendingScale.clear();
            pendingIncident.clear();
            return batch;
        }
    }

    /** The reading a tile would show for {@code metric} now, without draining anything; null if none. */
    public synchronized MetricReading reading(Metric metric) {
        Instant now = clock.instant();
        MetricReading best = null;
        for (Map<Metric, SeriesState> bySource : series.values()) {
            SeriesState s = bySource.get(metric);
            if (s != null) {
                MetricReading r = reading(s, now);
                best = best == null ? r : better(best, r);
            }
        }
        return best;
    }

    /** Recent points of the series a tile shows for this metric, for its sparkline. */
    public synchronized RecentSeries recent(Metric metric, Duration window) {
        Instant now = clock.instant();
        SeriesState best = null;
        MetricReading bestReading = null;
        for (Map<Metric, SeriesState> bySource : series.values()) {
            SeriesState s = bySource.get(metric);
            if (s != null) {
                MetricReading r = reading(s, now);
                if (bestReading == null || better(bestReading, r) == r) {
                    best = s;
                    bestReading = r;
                }
            }
        }
        return best == null ? RecentSeries.EMPTY : best.recent(now.minus(window).toEpochMilli());
    }

    /**
     * Starts the severities from the levels last recorded (after a restart), so the banner does not
     * claim NORMAL / no incident while the record says otherwise. Ignored once values have arrived.
     */
    public synchronized void restoreSeverities(ScaleSeverity lastScale, IncidentSeverity lastIncident) {
        scale.restore(lastScale);
        incident.restore(lastIncident);
    }

    /** Scale severity for the banner: level, data state and the change building up. */
    public synchronized SeverityStatus<ScaleSeverity> scaleStatus() {
        return SeverityStatus.of(scale, signal(reading(Metric.TRAFFIC_MULTIPLE)));
    }

    /** Incident severity for the banner: level, data state and the change building up. */
    public synchronized SeverityStatus<IncidentSeverity> incidentStatus() {
        return SeverityStatus.of(incident, signal(reading(Metric.ERROR_RATE)));
    }

    private static SignalState signal(MetricReading r) {
        if (r == null) {
            return SignalState.NO_DATA;
        }
        return switch (r.freshness()) {
            case NO_DATA -> SignalState.NO_DATA;
            case FRESH -> SignalState.FRESH;
            case STALE -> SignalState.STALE;
        };
    }

    public synchronized ScaleSeverity scaleSeverity() {
        return scale.level();
    }

    public synchronized IncidentSeverity incidentSeverity() {
        return incident.level();
    }

    private MetricReading reading(SeriesState s, Instant now) {
        if (s.changed) {
            long to = now.toEpochMilli();
            s.trend = s.trend(to - trendWindow.toMillis(), to);
            s.changed = false;
        }
        SourceRecord source = sources.get(s.source);
        double value = s.lastValue();
        Freshness freshness;
        String problem = s.problem;
        if (s.lastReceived == null) {
            freshness = Freshness.NO_DATA;
            if (problem == null && source != null && source.stopped) {
                problem = "source stopped";
            }
        } else if (source != null && source.stopped) {
            freshness = Freshness.STALE;
            problem = "source stopped";
        } else if (s.misses >= 2) {
            freshness = Freshness.STALE;
        } else if (source != null && source.interval != null && Duration.between(s.lastReceived, now)
                .compareTo(source.interval.multipliedBy(2).plus(source.timeout)) > 0) {
            freshness = Freshness.STALE;
            if (problem == null) {
                problem = "no new data for " + Duration.between(s.lastReceived, now).toSeconds() + " s";
            }
        } else {
            freshness = Freshness.FRESH;
            if (problem == null) {
                problem = s.units.warning();
            }
        }
        return new MetricReading(s.metric, s.source, value, s.lastAt, freshness, problem, s.rejected,
                s.metric.band(value), s.trend);
    }

    /** The tile prefers a fresh reading, then the most recent one. */
    private static MetricReading better(MetricReading a, MetricReading b) {
        int rankA = rank(a.freshness());
        int rankB = rank(b.freshness());
        if (rankA != rankB) {
            return rankA > rankB ? a : b;
        }
        if (a.at() == null) {
            return b.at() == null ? a : b;
        }
        return b.at() != null && b.at().isAfter(a.at()) ? b : a;
    }

    private static int rank(Freshness f) {
        return switch (f) {
            case FRESH -> 2;
            case STALE -> 1;
            case NO_DATA -> 0;
        };
    }

    /** Mutable per-source bookkeeping, guarded by the feed's lock. */
    private static final class SourceRecord {
        final String name;
        Duration interval;
        Duration timeout = Duration.ZERO;
        boolean stopped;
        int failures;
        String lastFailure;
        Instant firstFailure;
        Instant downSince;
        Instant lastSuccess;
        Instant lastAttempt;
        String circuit = "CLOSED";
        final ArrayDeque<String> notes = new ArrayDeque<>();
        long noteCount;

        SourceRecord(String name) {
            this.name = name;
        }

        void note(String note) {
            if (notes.size() == NOTES_KEPT) {
                notes.removeFirst();
            }
            notes.addLast(SourceHealth.brief(note));
            noteCount++;
        }

        SourceHealth health() {
            SourceHealth.State state = stopped ? SourceHealth.State.STOPPED
                    : failures >= 2 ? SourceHealth.State.DOWN
                    : failures == 1 ? SourceHealth.State.FAILING : SourceHealth.State.UP;
            return new SourceHealth(name, state, lastFailure, failures, lastSuccess, lastAttempt, circuit,
                    List.copyOf(notes), noteCount);
        }
    }
}
