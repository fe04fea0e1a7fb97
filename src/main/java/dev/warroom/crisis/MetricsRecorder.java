package dev.warroom.crisis;

import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.AlertTransition;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.metric.SeverityChange;
import dev.warroom.metrics.FeedListener;
import dev.warroom.store.Database;
import dev.warroom.store.RetentionPass;
import dev.warroom.store.SampleRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the record of what the metrics said: samples go to the archive in batches, alert and
 * severity transitions become timeline events. Flushes run on the app's one write executor (handed to
 * {@link #start}), never the poller's or the FX thread; old samples are folded into one-minute buckets so
 * storage stays bounded.
 */
public final class MetricsRecorder implements FeedListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MetricsRecorder.class.getName());
    static final Duration FLUSH_EVERY = Duration.ofSeconds(2);
    static final Duration COMPACT_EVERY = Duration.ofMinutes(10);
    /** How often one small step keeps the database file near its live size. */
    static final Duration TIDY_EVERY = Duration.ofMinutes(1);
    private static final int MAX_QUEUED = 500_000;

    private final Database db;
    private final SampleRepository archive;
    private final Clock clock;
    private final ConcurrentLinkedDeque<MetricSample> samples = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<TimelineEvent> events = new ConcurrentLinkedDeque<>();
    private ScheduledFuture<?> flushing;
    private final Consumer<SeverityChange<ScaleSeverity>> onScaleEscalation;
    private volatile String lastProblem;
    private Instant lastCompact;
    private Instant lastTidy;
    private volatile RetentionPass lastRetention = new RetentionPass(0, 0, 0);

    private final java.util.function.BooleanSupplier recording;

    /** @param onScaleEscalation told (on the writer thread) when scale severity rises, e.g. to offer a crisis */
    public MetricsRecorder(Database db, Clock clock, Consumer<SeverityChange<ScaleSeverity>> onScaleEscalation) {
        this(db, db.samples(), clock, onScaleEscalation, () -> true);
    }

    /**
     * Team mode: samples go to {@code archive} (the elected recorder's), and samples, alert and severity
     * transitions are kept only while {@code recording} says this client is the recorder, so each is written
     * once however many clients show the same metrics.
     */
    public MetricsRecorder(Database db, SampleRepository archive, Clock clock,
                           Consumer<SeverityChange<ScaleSeverity>> onScaleEscalation,
                           java.util.function.BooleanSupplier recording) {
        this.db = db;
        this.recording = recording;
        this.archive = archive;
        this.clock = clock;
        this.onScaleEscalation = onScaleEscalation;
        this.lastCompact = clock.instant();
        this.lastTidy = clock.instant();
    }

    /** Flushes every {@link #FLUSH_EVERY} on {@code writer}, the app's one database writer thread. */
    public synchronized void start(ScheduledExecutorService writer) {
        if (flushing != null) {
            throw new IllegalStateException("The recorder is already started");
        }
        long every = FLUSH_EVERY.toMillis();
        flushing = writer.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void samplesAccepted(String source, List<MetricSample> accepted) {
        if (db.readOnly() || !recording.getAsBoolean()) {
            return;
        }
        if (samples.size() < MAX_QUEUED) {
            samples.addAll(accepted);
        }
    }

    /** Only firing and resolving are recorded; pending and back is shown live but would bury the record. */
    @Override
    public void alertChanged(AlertTransition t) {
        if (!t.recorded() || !recording.getAsBoolean()) {
            return;
        }
        Metric metric = t.rule().metric();
        events.add(TimelineEvent.of(t.at(), BoardService.SYSTEM_ACTOR, EventKind.ALERT_STATE_CHANGED,
                "alert:" + t.rule().id(), "Alert \"" + t.rule().id() + "\" " + t.from().name().toLowerCase() + " → "
                        + t.to().name().toLowerCase() + " (" + metric.label() + " " + metric.withUnit(t.value())
                        + ", threshold " + t.rule().comparison().symbol() + " " + metric.withUnit(t.rule().threshold())
                        + ")",
                StateJson.of(Map.of("state", t.from().name())),
                StateJson.of(Map.of("state", t.to().name(), "value", Double.isFinite(t.value()) ? t.value() : "NaN",
                        "severity", t.rule().severity().name()))));
    }

    @Override
    public void scaleChanged(SeverityChange<ScaleSeverity> change) {
        if (recording.getAsBoolean()) {
            events.add(TimelineEvent.of(change.at(), BoardService.SYSTEM_ACTOR, EventKind.SCALE_SEVERITY_CHANGED, "scale",
                    "Scale severity " + change.from() + " → " + change.to() + String.format(" (traffic %.1fx)",
                            change.value()),
                    StateJson.of(Map.of("level", change.from().name())),
                    StateJson.of(Map.of("level", change.to().name(), "trafficMultiple", change.value()))));
        }
        if (change.escalation() && (change.to() == ScaleSeverity.SURGE || change.to() == ScaleSeverity.VIRAL)) {
            onScaleEscalation.accept(change);
        }
    }

    @Override
    public void incidentChanged(SeverityChange<IncidentSeverity> change) {
        if (!recording.getAsBoolean()) {
            return;
        }
        events.add(TimelineEvent.of(change.at(), BoardService.SYSTEM_ACTOR, EventKind.INCIDENT_SEVERITY_CHANGED,
                "incident", "Incident severity " + change.from().label() + " → " + change.to().label()
                        + String.format(" (error rate %.1f %%)", change.value()),
                StateJson.of(Map.of("level", change.from().name())),
                StateJson.of(Map.of("level", change.to().name(), "errorRate", change.value()))));
    }

    @Override
    public void sourceChanged(dev.warroom.metrics.SourceOutage o) {
        String reason = o.reason() == null ? "" : o.reason();
        if (o.down()) {
            events.add(TimelineEvent.of(o.at(), BoardService.SYSTEM_ACTOR, EventKind.SOURCE_DOWN, "source:" + o.source(),
                    "Metric source \"" + o.source() + "\" down: " + reason, null,
                    StateJson.of(Map.of("source", o.source(), "reason", reason))));
        } else {
            events.add(TimelineEvent.of(o.at(), BoardService.SYSTEM_ACTOR, EventKind.SOURCE_BACK, "source:" + o.source(),
                    "Metric source \"" + o.source() + "\" back after " + dev.warroom.domain.Durations.format(o.length()),
                    StateJson.of(Map.of("downSince", o.downSince().toString())),
                    StateJson.of(Map.of("source", o.source(), "downForSeconds", o.length().toSeconds()))));
        }
    }

    /** Writes what has queued up; events first, each batch one transaction. */
    public void flush() {
        if (db.readOnly()) {
            events.clear();
            return;
        }
        List<TimelineEvent> toWrite = drain(events);
        if (!toWrite.isEmpty()) {
            try {
                db.write(tx -> {
                    toWrite.forEach(tx::append);
                    return null;
                });
            } catch (RuntimeException e) {
                putBack(events, toWrite);
                throw e;
            }
        }
        List<MetricSample> batch = drain(samples);
        if (!batch.isEmpty()) {
            try {
                archive.insert(batch);
            } catch (RuntimeException e) {
                if (samples.size() < MAX_QUEUED) {
                    putBack(samples, batch);
                }
                throw e;
            }
        }
        Instant now = clock.instant();
        if (Duration.between(lastCompact, now).compareTo(COMPACT_EVERY) >= 0) {
            lastRetention = archive.compact(now);
            lastCompact = now;
        }
        if (Duration.between(lastTidy, now).compareTo(TIDY_EVERY) >= 0) {
            archive.tidyFile();
            lastTidy = now;
        }
    }

    /** What the latest retention pass deleted, in how many batches, and its longest batch. */
    public RetentionPass lastRetention() {
        return lastRetention;
    }

    private void flushQuietly() {
        try {
            flush();
            lastProblem = null;
        } catch (RuntimeException e) {
            lastProblem = e.getMessage();
            LOG.log(Level.WARNING, "Could not record metrics: " + e.getMessage(), e);
        }
    }

    /** Why the last write failed, or null when recording works. */
    public String lastProblem() {
        return lastProblem;
    }

    /** A failed write keeps its items, first in line for the next try. */
    private static <T> void putBack(ConcurrentLinkedDeque<T> queue, List<T> items) {
        for (int i = items.size() - 1; i >= 0; i--) {
            queue.addFirst(items.get(i));
        }
    }

    private static <T> List<T> drain(ConcurrentLinkedDeque<T> queue) {
        List<T> out = new ArrayList<>();
        for (T t = queue.poll(); t != null; t = queue.poll()) {
            out.add(t);
        }
        return out;
    }

    /**
     * Stops the periodic flush and writes what is still queued. Call it on the writer thread (the app
     * context queues it there before it shuts the writer down), or where no writer runs (tests).
     */
    @Override
    public void close() {
        synchronized (this) {
            if (flushing != null) {
                flushing.cancel(false);
            }
        }
        flushQuietly();
    }
}
