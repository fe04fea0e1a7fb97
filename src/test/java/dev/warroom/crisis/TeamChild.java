package dev.warroom.crisis;

import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.store.Database;
import dev.warroom.store.RecorderElection;
import dev.warroom.store.StaleUpdateException;
import dev.warroom.store.StoreException;
import dev.warroom.store.TeamAddress;
import dev.warroom.store.TeamChange;
import dev.warroom.store.TeamDatabase;
import dev.warroom.store.TeamListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A War Room client in a child JVM, for the multi-process tests. Modes:
 * <ul>
 *   <li>{@code mover ADDRESS ACTOR MOVES SEED}: moves random cards between columns as fast as it can, printing
 *       {@code ACK card column} after each acknowledged move and {@code REFUSED}/{@code STALE} otherwise; waits
 *       and retries while the database is unreachable; {@code DONE} at the end;</li>
 *   <li>{@code watcher ADDRESS}: prints {@code CHANGED seq} for every change it hears;</li>
 *   <li>{@code recorder ADDRESS ACTOR INTERVAL_MS}: tries to lead every interval and, while leading, records
 *       one sample per interval slot, printing {@code LEADING} and {@code WROTE slot}.</li>
 * </ul>
 */
public final class TeamChild {
    private static final TeamDatabase.TeamTimings FAST = new TeamDatabase.TeamTimings(Duration.ofMillis(500),
            Duration.ofSeconds(3), Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(1));

    private TeamChild() {
    }

    public static void main(String[] args) throws Exception {
        TeamAddress address = TeamAddress.parse(args[1], "warroom");
        String actor = args.length > 2 ? args[2] : "watcher";
        try (Database db = TeamDatabase.open(address, TeamDatabase.Options.of(actor, "laptop").withTimings(FAST))) {
            switch (args[0]) {
                case "mover" -> move(db, actor, Integer.parseInt(args[3]), Long.parseLong(args[4]));
                case "watcher" -> watch(db);
                case "recorder" -> record(db, Long.parseLong(args[3]));
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }

    private static void move(Database db, String actor, int moves, long seed) throws InterruptedException {
        BoardService board = new BoardService(db, Clock.systemUTC(), actor, BoardPolicy.defaults());
        Random random = new Random(seed);
        List<Column> targets = List.of(Column.BACKLOG, Column.IN_PROGRESS, Column.REVIEW);
        say("READY");
        int done = 0;
        while (done < moves) {
            try {
                List<Card> cards = board.board().cards();
                Card card = cards.get(random.nextInt(cards.size()));
                Column target = targets.get(random.nextInt(targets.size()));
                if (target == card.column()) {
                    target = targets.get((targets.indexOf(target) + 1) % targets.size());
                }
                MoveResult r = board.move(card.id(), card.version(), target, 0, null);
                if (r instanceof MoveResult.Moved m) {
                    say("ACK " + card.id() + " " + m.card().column());
                } else {
                    say("REFUSED " + card.id());
                }
                done++;
            } catch (StaleUpdateException e) {
                say("STALE " + e.getMessage());
                done++;
            } catch (StoreException e) {
                say("WAIT " + e.getMessage().lines().findFirst().orElse(""));
                Thread.sleep(200);
            }
        }
        say("DONE");
    }

    private static void watch(Database db) throws Exception {
        try (AutoCloseable s = db.teamSession().orElseThrow().subscribe(new TeamListener() {
            @Override
            public void changed(TeamChange change) {
                say("CHANGED " + change.seq());
            }
        })) {
            say("READY");
            while (System.in.read() >= 0) {
                // runs until the parent closes stdin
            }
        }
    }

    private static void record(Database db, long intervalMs) throws InterruptedException {
        RecorderElection election = db.teamSession().orElseThrow().recorderElection();
        say("READY");
        boolean leading = false;
        while (true) {
            long slot = System.currentTimeMillis() / intervalMs;
            if (election.tryLead()) {
                if (!leading) {
                    // the previous recorder may have written this slot just before it died: start with the next
                    say("LEADING " + slot);
                    leading = true;
                    Thread.sleep(Math.max(1, (slot + 1) * intervalMs - System.currentTimeMillis()));
                    continue;
                }
                try {
                    election.samples().insert(List.of(new MetricSample(Metric.CPU, Instant.ofEpochMilli(slot * intervalMs),
                            slot % 100)));
                    say("WROTE " + slot);
                } catch (StoreException e) {
                    say("LOST " + e.getMessage());
                    leading = false;
                }
            } else {
                leading = false;
            }
            long next = (slot + 1) * intervalMs;
            Thread.sleep(Math.max(1, next - System.currentTimeMillis()));
        }
    }
}
