package dev.warroom.crisis.timeline;

import dev.warroom.crisis.Actor;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.crisis.BoardService;
import dev.warroom.domain.PlainText;
import dev.warroom.domain.Board;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.store.Database;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of what happened: events with the key figures of their moment, notes and annotations,
 * and the state of the board, severities and tiles at any instant (replay).
 */
public final class TimelineService {
    /** The figures shown beside each event and in replay. */
    public static final List<Metric> KEY_METRICS = List.of(Metric.TRAFFIC_MULTIPLE, Metric.ERROR_RATE,
            Metric.P95_LATENCY, Metric.UPTIME, Metric.SIGNUPS_PER_HOUR, Metric.ACTIVE_USERS);
    /** A figure older than this at an event's moment is not shown for it. */
    static final Duration FIGURE_MAX_AGE = Duration.ofMinutes(2);
    public static final int MAX_EVENTS = 20_000;
    public static final int MAX_NOTE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event and the key figures as they were when it happened (absent figures are missing). */
    public record Entry(TimelineEvent event, Map<Metric, Double> figures) {
    }

    /** The crisis at one instant. */
    public record Snapshot(Instant at, Board board, ScaleSeverity scale, IncidentSeverity incident,
                           Map<Metric, Double> figures, int eventsApplied) {
    }

    private final Database db;
    private final Clock clock;
    private final Actor actor;
    private final BoardPolicy initialPolicy;

    public TimelineService(Database db, Clock clock, String actor, BoardPolicy initialPolicy) {
        this(db, clock, Actor.fixed(actor), initialPolicy);
    }

    /** @param actor who is at the keyboard: each event is recorded under the name it holds at that moment */
    public TimelineService(Database db, Clock clock, Actor actor, BoardPolicy initialPolicy) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
        this.initialPolicy = initialPolicy;
    }

    /** The window a crisis covers: its start to its end, or to now while it runs; everything when null. */
    public Instant[] window(Crisis crisis) {
        Instant now = clock.instant();
        if (crisis == null) {
            return new Instant[] {Instant.EPOCH, now.plusSeconds(1)};
        }
        Instant end = crisis.endedAt() == null ? now : crisis.endedAt();
        return new Instant[] {crisis.startedAt().minus(Duration.ofHours(1)), end.plusSeconds(1)};
    }

    /** The newest crisis, active or ended: what the record and the post-mortem are about by default. */
    public Optional<Crisis> latestCrisis() {
        return db.read(tx -> tx.crises(1)).stream().findFirst();
    }

    /** Every event in [from, to), oldest first, with its figures. */
    public List<Entry> entries(Instant from, Instant to) {
        List<TimelineEvent> events = db.read(tx -> tx.timeline(from, to, MAX_EVENTS));
        return events.stream().map(e -> new Entry(e, figuresAt(e.at()))).toList();
    }

    /** The key figures as they were at {@code at}. */
    public Map<Metric, Double> figuresAt(Instant at) {
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        for (Metric m : KEY_METRICS) {
            Optional<MetricSample> s = db.samples().valueAt(m, at, FIGURE_MAX_AGE);
            s.ifPresent(sample -> out.put(m, sample.value()));
        }
        return out;
    }

    /** Adds a note to the record, about the event {@code aboutEventId} when not null. */
    public TimelineEvent addNote(String text, Long aboutEventId) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException("note", "The note is empty; write what happened or what you noticed.");
        }
        if (t.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "The note is " + t.length() + " characters; keep it under "
                    + MAX_NOTE + ".");
        }
        PlainText.check("note", "The note", t, true);
        return db.write(tx -> tx.append(TimelineEvent.of(clock.instant(), actor.get(), EventKind.NOTE,
                aboutEventId == null ? "note" : "event:" + aboutEventId, t, null, null)));
    }

    /**
     * The crisis as it stood at {@code at}: {@code events} (the timeline, oldest first) replayed up to
     * and including that instant, the severities last declared, and the key figures then.
     */
    public Snapshot snapshot(List<TimelineEvent> events, Instant at) {
        BoardReplay replay = new BoardReplay(initialPolicy, at);
        ScaleSeverity scale = ScaleSeverity.NORMAL;
        IncidentSeverity incident = IncidentSeverity.NONE;
        int applied = 0;
        for (TimelineEvent e : events) {
            if (e.at().isAfter(at)) {
                break;
            }
            replay.apply(e);
            applied++;
            if (e.kind() == EventKind.SCALE_SEVERITY_CHANGED) {
                scale = level(e, ScaleSeverity.class, scale);
            } else if (e.kind() == EventKind.INCIDENT_SEVERITY_CHANGED) {
                incident = level(e, IncidentSeverity.class, incident);
            }
        }
        return new Snapshot(at, replay.board(), scale, incident, figuresAt(at), applied);
    }

    private static <L extends Enum<L>> L level(TimelineEvent e, Class<L> type, L fallback) {
        try {
            String level = JSON.readTree(e.after()).path("level").asText("");
            return level.isEmpty() ? fallback : Enum.valueOf(type, level);
        } catch (IOException | IllegalArgumentException ex) {
            return fallback;
        }
    }

    public String actor() {
        return actor.get();
    }

    /** Events written by the app itself rather than a person. */
    public static boolean bySystem(TimelineEvent e) {
        return BoardService.SYSTEM_ACTOR.equals(e.actor());
    }
}
