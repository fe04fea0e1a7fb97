package dev.warroom.crisis.timeline;

import dev.warroom.testing.Backend;
import dev.warroom.testing.PostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.DemoCrisis;
import dev.warroom.crisis.MoveResult;
import dev.warroom.domain.Board;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay must rebuild the board exactly as it was at every moment of a scripted crisis. */
/** Runs on H2 and on PostgreSQL (team mode): the same tests, both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@ExtendWith(PostgresExtension.class)
class BoardReplayTest {
    @Parameter
    Backend backend;

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z");
    private final Map<Instant, String> captured = new LinkedHashMap<>();
    private BoardService board;

    @Test
    void rebuildsEveryCapturedBoardExactly() {
        try (Database db = backend.open(dir, "replay")) {
            board = new BoardService(db, clock, "ic", BoardPolicy.defaults());
            new DemoCrisis(db, clock, "ic").load();
            capture();
            Card a = create("Queue workers falling behind", Priority.CRITICAL, CardKind.SCALING, Column.BACKLOG);
            Card b = create("Add read replica", Priority.HIGH, CardKind.SCALING, Column.BACKLOG);
            Card f = create("Share button", Priority.MEDIUM, CardKind.FEATURE, Column.BACKLOG);
            Card g = create("Dark mode", Priority.MEDIUM, CardKind.FEATURE, Column.REVIEW);
            move(b, Column.BACKLOG, 0);
            move(a, Column.REVIEW, 0);
            move(a, Column.REVIEW, 5);
            Card db1 = byTitle("Scale the primary database");
            MoveResult refused = board.move(b.id(), current(b).version(), Column.IN_PROGRESS, 0, null);
            assertTrue(refused instanceof MoveResult.Refused);
            board.move(b.id(), current(b).version(), Column.IN_PROGRESS, 1, "replica blocks signups");
            tick();
            move(db1, Column.REVIEW, 1);
            board.edit(g.id(), current(g).version(), CardDraft.of("Dark mode (v2)", "later", CardKind.FEATURE,
                    Priority.HIGH, "erin", "2h", "parked", clock.instant(), ZoneOffset.UTC));
            tick();
            board.pauseFeatureWork();
            tick();
            board.delete(a.id(), current(a).version());
            tick();
            board.undo();
            tick();
            board.resumeFeatureWork();
            tick();
            board.undo();
            tick();
            move(byTitle("API answers slowly under load"), Column.DONE, 0);
            move(f, Column.BACKLOG, 1);
            board.delete(current(b).id(), current(b).version());
            tick();

            List<TimelineEvent> events = db.read(tx -> tx.timeline(Instant.EPOCH, clock.instant().plusSeconds(1),
                    10_000));
            TimelineService timeline = new TimelineService(db, clock, "ic", BoardPolicy.defaults());
            assertTrue(captured.size() > 15, "the script captured " + captured.size() + " states");
            for (Map.Entry<Instant, String> state : captured.entrySet()) {
                Board replayed = timeline.snapshot(events, state.getKey()).board();
                assertEquals(state.getValue(), describe(replayed), "board at " + state.getKey());
            }
        }
    }

    private Card create(String title, Priority priority, CardKind kind, Column column) {
        Card c = board.create(CardDraft.of(title, "", kind, priority, "", "", "", clock.instant(), ZoneOffset.UTC),
                column);
        tick();
        return c;
    }

    private void move(Card c, Column to, int index) {
        board.move(c.id(), current(c).version(), to, index, null);
        tick();
    }

    private Card current(Card c) {
        return board.board().card(c.id()).orElseThrow();
    }

    private Card byTitle(String title) {
        return board.board().cards().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    /** Records the board as the store has it now, then lets a minute pass before the next change. */
    private void tick() {
        capture();
        clock.advance(Duration.ofMinutes(1));
    }

    private void capture() {
        captured.put(clock.instant(), describe(board.board()));
    }

    /** Everything a person sees of the board: columns in order, each card's fields, overrides. */
    private static String describe(Board b) {
        List<String> lines = new ArrayList<>();
        for (Column col : Column.values()) {
            lines.add(col + (b.override(col).map(o -> " override=" + o.reason()).orElse("")));
            for (Card c : b.column(col)) {
                lines.add("  " + c.id() + " " + c.title() + " | " + c.priority() + " " + c.kind() + " @" + c.assignee()
                        + " eta=" + c.eta() + " status=" + c.statusNote() + " pausedFrom=" + c.pausedFrom()
                        + " desc=" + c.description());
            }
        }
        return String.join("\n", lines);
    }
}
