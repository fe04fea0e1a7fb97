package dev.warroom.testing;

import dev.warroom.crisis.BoardService;
import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Prepares a database for looking at the comms view: a crisis 2h 35m in, one update due, one overdue. */
public final class CommsDemoSeed {
    private CommsDemoSeed() {
    }

    public static void main(String[] args) {
        Instant now = Instant.now();
        Instant start = now.minus(Duration.ofMinutes(155));
        MutableClock clock = new MutableClock(start);
        try (Database db = Database.open(Path.of(args[0]))) {
            var config = ConfigLoader.load(null);
            CrisisService crises = new CrisisService(db, clock, "alice");
            BoardService board = new BoardService(db, clock, "alice", config.initialPolicy());
            CommsService comms = new CommsService(db, clock, "alice", config.cadence(), LiveFigures.none(),
                    ZoneId.systemDefault());
            crises.start("Launch-day signup surge", ScaleSeverity.VIRAL, start, "alice");
            crises.assignRole("communications-lead", "bob");
            clock.advance(Duration.ofMinutes(2));
            comms.markSent("war-room", OutputFormat.SLACK, "War room open in #incidents. Feature work is paused.");
            for (String[] c : new String[][] {{"Database connection pool", "DONE"}, {"API response times", "DONE"},
                    {"Signup flow timing out", "IN_PROGRESS"}, {"Search is slow under load", "BACKLOG"}}) {
                board.create(CardDraft.of(c[0], "", CardKind.SCALING, Priority.CRITICAL, "dave", "2h", "",
                        clock.instant(), ZoneId.systemDefault()), Column.valueOf(c[1]));
            }
            clock.set(start.plus(Duration.ofMinutes(33)));
            comms.markSent("status-page", OutputFormat.PLAIN, "Investigating slower service. Next update in 2 hours.");
        }
        Clock.systemUTC();
    }
}
