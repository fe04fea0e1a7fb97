package dev.warroom.bench;

import dev.warroom.crisis.ActorName;
import dev.warroom.crisis.BoardService;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Databases the perf command measures against: {@code crisis72 DB} (a finished 72-hour crisis with raw samples
 * at 1 s for the four charted metrics and 2,000 timeline events; prints the crisis id) and {@code board500 DB}
 * (a board holding 500 cards spread over the columns); {@code actor DB} (an empty database that knows who is at the
 * keyboard). Each database has the actor's name saved, as a returning user's has, so the app opens without the
 * first-start question and the figures are of the app as used.
 */
public final class PerfFixtures {
    static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    static final Duration LENGTH = Duration.ofHours(72);
    private static final EventKind[] KINDS = {EventKind.CARD_MOVED, EventKind.CARD_CREATED, EventKind.CARD_EDITED,
            EventKind.ALERT_STATE_CHANGED, EventKind.SCALE_SEVERITY_CHANGED, EventKind.COMMS_SENT,
            EventKind.DECISION_RECORDED, EventKind.WIP_OVERRIDE, EventKind.SLA_BREACHED, EventKind.CHECKLIST_TICKED};

    private PerfFixtures() {
    }

    public static void main(String[] args) {
        try (Database db = Database.open(Path.of(args[1]))) {
            switch (args[0]) {
                case "crisis72" -> System.out.println(crisis72(db, 2_000));
                case "board500" -> board(db, 500);
                case "actor" -> { }
                default -> throw new IllegalArgumentException("crisis72, board500 or actor, not " + args[0]);
            }
            returningUser(db);
        }
    }

    /** Fills {@code db} with a finished 72 h crisis; returns its id. */
    static long crisis72(Database db, int events) {
        Instant end = START.plus(LENGTH);
        long crisisId = db.write(tx -> tx.insertCrisis(new Crisis(0, "Bench surge", START, end, 0))).id();
        db.write(tx -> {
            for (int i = 0; i < events; i++) {
                Instant at = START.plusMillis(LENGTH.toMillis() * i / events);
                EventKind k = KINDS[i % KINDS.length];
                String after = k == EventKind.SCALE_SEVERITY_CHANGED ? "{\"level\":\"SURGE\",\"trafficMultiple\":12}"
                        : k == EventKind.ALERT_STATE_CHANGED ? "{\"state\":\"FIRING\"}" : "{\"n\":" + i + "}";
                tx.append(TimelineEvent.of(at, "alice", k, "card:" + (i % 40),
                        "\"Card " + (i % 40) + " <scale>\" did something | event " + i, "{}", after));
            }
            return null;
        });
        List<MetricSample> batch = new ArrayList<>(40_000);
        long seconds = LENGTH.toSeconds();
        for (long s = 0; s < seconds; s++) {
            Instant t = START.plusSeconds(s);
            double wave = Math.sin(s / 5000.0);
            batch.add(new MetricSample(Metric.TRAFFIC_MULTIPLE, t, 10 + 8 * wave + (s % 97) / 50.0));
            batch.add(new MetricSample(Metric.ERROR_RATE, t, Math.max(0, 2 + 2 * wave)));
            batch.add(new MetricSample(Metric.P95_LATENCY, t, 600 + 400 * wave + (s % 13)));
            batch.add(new MetricSample(Metric.UPTIME, t, 99.9 - Math.abs(wave) / 5));
            if (batch.size() >= 40_000) {
                db.samples().insert(batch);
                batch.clear();
            }
        }
        db.samples().insert(batch);
        return crisisId;
    }

    /** Saves the name of who is at the keyboard, as the first-start question does. */
    static void returningUser(Database db) {
        new ActorName(db).save("perf");
    }

    /** Adds {@code cards} cards: most in Backlog, the rest spread over Done and Paused (no WIP limits there). */
    static void board(Database db, int cards) {
        BoardService board = new BoardService(db, Clock.systemUTC(), "perf", BoardPolicy.defaults());
        Priority[] priorities = Priority.values();
        for (int i = 0; i < cards; i++) {
            Column column = i % 5 == 3 ? Column.DONE : i % 5 == 4 ? Column.PAUSED : Column.BACKLOG;
            CardKind kind = column == Column.PAUSED ? CardKind.FEATURE : CardKind.SCALING;
            board.create(CardDraft.of("Card " + i + ": shard the sessions table", "Load test first", kind,
                    priorities[i % priorities.length], "dev" + (i % 7), "", "on it", Instant.now(),
                    java.time.ZoneOffset.UTC), column);
        }
    }
}
