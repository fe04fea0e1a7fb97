package dev.warroom.crisis;

import dev.warroom.testing.Backend;
import dev.warroom.testing.PostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.Board;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.Priority;
import dev.warroom.domain.SlaState;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on H2 and on PostgreSQL (team mode): the same tests, both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@ExtendWith(PostgresExtension.class)
class DemoCrisisTest {
    @Parameter
    Backend backend;

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);

    @Test
    void loadsTheSeedShapedCrisisIntoAnEmptyDatabase() {
        try (Database db = backend.open(dir, "demo")) {
            assertEquals(10, new DemoCrisis(db, clock, "alice").load());
            BoardService service = new BoardService(db, clock, "alice", BoardPolicy.defaults());
            Board board = service.board();

            List<Card> inProgress = board.column(Column.IN_PROGRESS);
            assertEquals(1, inProgress.size());
            assertEquals("alice", inProgress.get(0).assignee());
            assertEquals(T0.plus(Duration.ofHours(4)), inProgress.get(0).eta());
            Card review = board.column(Column.REVIEW).get(0);
            assertEquals("bob", review.assignee());
            assertEquals(SlaState.Level.OK, board.sla(review, T0).level());
            assertEquals(SlaState.Level.WARNING, board.sla(review, T0.plus(Duration.ofMinutes(7))).level());
            assertEquals(List.of(Priority.CRITICAL, Priority.HIGH, Priority.MEDIUM),
                    board.column(Column.BACKLOG).stream().map(Card::priority).toList());
            assertEquals(2, board.column(Column.DONE).size());
            List<Card> paused = board.column(Column.PAUSED);
            assertEquals(3, paused.size());
            assertTrue(paused.stream().allMatch(c -> c.kind() == CardKind.FEATURE && c.pausedFrom() != null));
            assertEquals(List.of(0, 1, 2), paused.stream().map(Card::position).toList());

            var crisis = new CrisisService(db, clock, "alice").active().orElseThrow();
            assertEquals("T+01:35", crisis.clock(T0));
            assertTrue(crisis.drill(), "the demo is marked as a drill");
            List<TimelineEvent> events = db.read(tx -> tx.timeline(T0.minus(Duration.ofHours(3)), T0.plusSeconds(1),
                    100));
            assertEquals(EventKind.CRISIS_STARTED, events.get(0).kind());
            assertEquals(crisis.startedAt(), events.get(0).at(), "history back-dated to the demo's clock");
            assertTrue(events.get(0).summary().startsWith("DRILL"), events.get(0).summary());
            assertEquals(10, events.stream().filter(e -> e.kind() == EventKind.CARD_CREATED).count());
            assertTrue(events.stream().filter(e -> e.kind() != EventKind.DEMO_LOADED)
                    .allMatch(e -> e.at().isBefore(T0)), "everything but the load itself happened before now");
            assertEquals(EventKind.DEMO_LOADED, events.get(events.size() - 1).kind());

            var timeline = new dev.warroom.crisis.timeline.TimelineService(db, clock, "alice", BoardPolicy.defaults());
            Board early = timeline.snapshot(events, crisis.startedAt().plus(Duration.ofMinutes(8))).board();
            assertEquals(10, early.cards().size(), "replay at T+00:08 has the cards, before T+01:35");
            assertEquals(7, early.column(Column.BACKLOG).size(), "created in Backlog, not yet moved on");
            assertEquals(3, early.column(Column.PAUSED).size(), "feature work paused in the first minutes");
            Board replayedNow = timeline.snapshot(events, T0).board();
            for (Column col : Column.values()) {
                assertEquals(board.column(col).stream().map(c -> c.title() + " from " + c.pausedFrom()).toList(),
                        replayedNow.column(col).stream().map(c -> c.title() + " from " + c.pausedFrom()).toList(),
                        "replay at load time is the loaded board: " + col.name());
            }

            // The demo is a real board: resuming the feature paused from In progress meets the WIP limit.
            service.resumeFeatureWork();
            assertEquals(1, service.board().column(Column.IN_PROGRESS).size());
            assertTrue(service.board().column(Column.PAUSED).isEmpty());
        }
    }

    @Test
    void isRefusedOnABoardThatAlreadyHasCards() {
        try (Database db = backend.open(dir, "demo")) {
            BoardService service = new BoardService(db, clock, "alice", BoardPolicy.defaults());
            service.create(CardDraft.of("Real work", "", CardKind.SCALING, Priority.HIGH, "", "", "", T0,
                    ZoneOffset.UTC), Column.BACKLOG);
            long events = db.read(tx -> tx.eventCount()).longValue();

            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> new DemoCrisis(db, clock, "alice").load());
            assertEquals("demo", e.field());
            assertTrue(e.getMessage().contains("empty board"), e.getMessage());
            assertEquals(List.of("Real work"), service.board().cards().stream().map(Card::title).toList());
            assertEquals(events, db.read(tx -> tx.eventCount()).longValue());
            assertTrue(db.read(tx -> tx.activeCrisis()).isEmpty());
        }
    }

    @Test
    void keepsAnAlreadyRunningCrisis() {
        try (Database db = backend.open(dir, "demo")) {
            new CrisisService(db, clock, "alice").start("Our real crisis", T0.minusSeconds(60));
            new DemoCrisis(db, clock, "alice").load();
            assertEquals("Our real crisis", new CrisisService(db, clock, "alice").active().orElseThrow().name());
            assertNull(db.read(tx -> tx.activeCrisis()).orElseThrow().endedAt());
        }
    }

    @Test
    void aCrisisStartedFromSimulatedDataIsADrillInTheRecord() {
        try (Database db = Database.open(dir.resolve("drill"))) {
            CrisisService crises = new CrisisService(db, clock, "alice");
            crises.start("Simulated surge", null, T0, null, true);
            assertTrue(crises.active().orElseThrow().drill());
            TimelineEvent started = db.read(tx -> tx.latestEvents(1)).get(0);
            assertTrue(started.summary().startsWith("DRILL"), started.summary());
            assertTrue(started.after().contains("\"drill\":true"), started.after());
            assertTrue(crises.history().get(0).crisis().drill(), "kept when read back");
        }
    }
}
