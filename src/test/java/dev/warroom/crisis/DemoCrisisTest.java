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
            List<EventKind> kinds = db.read(tx -> tx.latestEvents(20)).stream().map(TimelineEvent::kind).toList();
            List<EventKind> expected = new java.util.ArrayList<>();
            expected.add(EventKind.DEMO_LOADED);
            expected.addAll(java.util.Collections.nCopies(10, EventKind.CARD_CREATED));
            expected.add(EventKind.CRISIS_STARTED);
            assertEquals(expected, kinds, "one creation event per card, so replay starts from a complete record");

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
}
