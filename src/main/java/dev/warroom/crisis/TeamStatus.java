package dev.warroom.crisis;

import dev.warroom.domain.Board;
import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** The team figures the commander enters by hand: stress 1–10 and the ETA to a stable system. */
public final class TeamStatus {
    private static final String STRESS = "team.stress";
    private static final String ETA = "team.etaStable";

    /** Stress (0 when never entered) and the entered ETA to stable (null when not entered). */
    public record Entered(int stress, Instant etaStable) {
    }

    private final Database db;
    private final Clock clock;
    private final Actor actor;

    public TeamStatus(Database db, Clock clock, String actor) {
        this(db, clock, Actor.fixed(actor));
    }

    /** @param actor who is at the keyboard: each event is recorded under the name it holds at that moment */
    public TeamStatus(Database db, Clock clock, Actor actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    public Entered entered() {
        return db.read(tx -> new Entered(tx.setting(STRESS).map(Integer::parseInt).orElse(0),
                tx.setting(ETA).filter(s -> !s.isEmpty()).map(Instant::parse).orElse(null)));
    }

    /** Records stress (1–10) and the ETA to stable (null: take it from the board). */
    public Entered set(int stress, Instant etaStable) {
        if (stress < 1 || stress > 10) {
            throw new InvalidInputException("stress", "Team stress is " + stress + "; use 1 (calm) to 10 (breaking).");
        }
        return db.write(tx -> {
            Entered before = new Entered(tx.setting(STRESS).map(Integer::parseInt).orElse(0),
                    tx.setting(ETA).filter(s -> !s.isEmpty()).map(Instant::parse).orElse(null));
            tx.saveSetting(STRESS, Integer.toString(stress));
            tx.saveSetting(ETA, etaStable == null ? "" : etaStable.toString());
            tx.append(TimelineEvent.of(clock.instant(), actor.get(), EventKind.TEAM_STATUS_SET, "team",
                    "Team stress " + stress + "/10" + (etaStable == null ? ", ETA to stable from the board"
                            : ", ETA to stable " + etaStable),
                    StateJson.of(Map.of("stress", before.stress(), "eta", String.valueOf(before.etaStable()))),
                    StateJson.of(Map.of("stress", stress, "eta", String.valueOf(etaStable)))));
            return new Entered(stress, etaStable);
        });
    }

    /** Critical cards still open (not done, not paused). */
    public static long criticalRemaining(Board board) {
        return board.cards().stream().filter(c -> c.priority() == Priority.CRITICAL)
                .filter(c -> c.column() != Column.DONE && c.column() != Column.PAUSED).count();
    }

    /** The latest ETA among open critical cards: when the board expects the last fire to be out. */
    public static Optional<Instant> boardEta(Board board) {
        return board.cards().stream().filter(c -> c.priority() == Priority.CRITICAL)
                .filter(c -> c.column() != Column.DONE && c.column() != Column.PAUSED)
                .map(Card::eta).filter(e -> e != null).max(Comparator.naturalOrder());
    }
}
