package dev.warroom.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.comms.CommsService;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.plan.DecisionInputs;
import dev.warroom.domain.plan.Quadrant;
import dev.warroom.store.Database;
import dev.warroom.store.StaleUpdateException;
import dev.warroom.testing.Backend;
import dev.warroom.testing.MutableClock;
import dev.warroom.testing.PostgresExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two people acting on the same thing at the same moment: the database settles who was first, the other is
 * told who and nothing of theirs is written. On PostgreSQL the two are separate connections pools and team
 * sessions (two War Room clients); on H2 (one process per file) two services share the database.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@ExtendWith(PostgresExtension.class)
class ConflictTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Parameter
    Backend backend;
    @TempDir
    Path dir;
    private Database aliceDb;
    private Database bobDb;
    private final MutableClock clock = new MutableClock(T0);
    private BoardService alice;
    private BoardService bob;
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeEach
    void open() {
        aliceDb = backend.open(dir, "race");
        bobDb = backend == Backend.H2 ? aliceDb : backend.open(dir, "race");
        alice = new BoardService(aliceDb, clock, "alice", BoardPolicy.defaults());
        bob = new BoardService(bobDb, clock, "bob", BoardPolicy.defaults());
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        if (bobDb != aliceDb) {
            bobDb.close();
        }
        aliceDb.close();
    }

    private Card card(String title) {
        return alice.create(CardDraft.of(title, "", CardKind.SCALING, Priority.HIGH, "", "", "", clock.instant(),
                ZoneOffset.UTC), Column.BACKLOG);
    }

    /** Runs both at the same moment; each result is the value or the exception. */
    private List<Object> together(Callable<?> a, Callable<?> b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<?> work : List.of(a, b)) {
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : futures) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private List<TimelineEvent> events(EventKind kind) {
        return aliceDb.read(tx -> tx.latestEvents(10_000)).stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    void theSecondMoveOfACardIsToldWhoMovedItWhereAndWhen() {
        Card c = card("Scale the DB");
        bob.move(c.id(), c.version(), Column.REVIEW, 0, null);
        clock.advance(Duration.ofSeconds(3));

        StaleUpdateException e = assertThrows(StaleUpdateException.class,
                () -> alice.move(c.id(), c.version(), Column.IN_PROGRESS, 0, null));
        assertEquals("\"Scale the DB\" was moved by bob 3 s ago to REVIEW — your move was not applied.",
                e.getMessage());
        assertEquals(Column.REVIEW, alice.board().card(c.id()).orElseThrow().column(), "alice sees bob's move");
        assertEquals(1, events(EventKind.CARD_MOVED).size());
    }

    @Test
    void twoMovesOfTheSameCardAtOnceApplyExactlyOne() throws Exception {
        for (int round = 0; round < 10; round++) {
            Card c = card("Card " + round);
            List<Object> r = together(() -> alice.move(c.id(), c.version(), Column.REVIEW, 0, null),
                    () -> bob.move(c.id(), c.version(), Column.PAUSED, 0, null));
            long moved = r.stream().filter(x -> x instanceof MoveResult.Moved).count();
            assertEquals(1, moved, r.toString());
            StaleUpdateException lost = (StaleUpdateException) r.stream()
                    .filter(x -> x instanceof StaleUpdateException).findFirst().orElseThrow();
            Column won = alice.board().card(c.id()).orElseThrow().column();
            String winner = r.get(0) instanceof MoveResult.Moved ? "alice" : "bob";
            assertTrue(lost.getMessage().endsWith("was moved by " + winner + " 0 s ago to " + won.name()
                    + " — your move was not applied."), lost.getMessage());
        }
        assertEquals(10, events(EventKind.CARD_MOVED).size());
    }

    @Test
    void aRaceForTheLastInProgressSlotHasOneWinnerAndTheOtherIsToldWhichCardHoldsIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            Card a = card("Alice's card " + round);
            Card b = card("Bob's card " + round);
            List<Object> r = together(() -> alice.move(a.id(), a.version(), Column.IN_PROGRESS, 0, null),
                    () -> bob.move(b.id(), b.version(), Column.IN_PROGRESS, 0, null));
            List<Card> inProgress = alice.board().column(Column.IN_PROGRESS);
            assertEquals(1, inProgress.size(), r.toString());
            MoveResult.Refused refused = (MoveResult.Refused) r.stream()
                    .filter(x -> x instanceof MoveResult.Refused).findFirst().orElseThrow(() -> new AssertionError(r));
            assertTrue(refused.message().contains(inProgress.get(0).title()), refused.message());
            assertInstanceOf(MoveResult.Moved.class, r.stream().filter(x -> x instanceof MoveResult.Moved)
                    .findFirst().orElseThrow());
            alice.move(inProgress.get(0).id(), inProgress.get(0).version(), Column.DONE, 0, null);
        }
    }

    @Test
    void aChecklistItemTickedTwiceAtOnceIsOneTickAndTheOtherIsToldWho() throws Exception {
        new CrisisService(aliceDb, clock, "alice").start("Launch surge", clock.instant());
        ChecklistService aliceLists = new ChecklistService(aliceDb, clock, "alice", ChecklistLoader.loadBuiltIn());
        ChecklistService bobLists = new ChecklistService(bobDb, clock, "bob", ChecklistLoader.loadBuiltIn());
        List<Object> r = together(() -> aliceLists.tick("first-two-hours", "open-war-room", ""),
                () -> bobLists.tick("first-two-hours", "open-war-room", ""));
        InvalidInputException lost = (InvalidInputException) r.stream()
                .filter(x -> x instanceof InvalidInputException).findFirst().orElseThrow(() -> new AssertionError(r));
        String winner = r.get(0) instanceof InvalidInputException ? "bob" : "alice";
        assertTrue(lost.getMessage().contains("already ticked by " + winner), lost.getMessage());
        assertEquals(1, events(EventKind.CHECKLIST_TICKED).size());
    }

    @Test
    void aDueMessageMarkedSentTwiceAtOnceIsOneRecordAndTheOtherIsToldWho() throws Exception {
        new CrisisService(aliceDb, clock, "alice").start("Launch surge", clock.instant());
        CommsService aliceComms = new CommsService(aliceDb, clock, "alice", CommsCadence.seedDefault(),
                LiveFigures.none(), ZoneOffset.UTC);
        CommsService bobComms = new CommsService(bobDb, clock, "bob", CommsCadence.seedDefault(), LiveFigures.none(),
                ZoneOffset.UTC);
        String channel = aliceComms.cadence().steps().get(0).channel();
        Optional<Instant> seen = Optional.ofNullable(aliceComms.status().lastHandled().get(channel));
        List<Object> r = together(() -> aliceComms.markSent(channel, OutputFormat.PLAIN, "We are on it.", seen),
                () -> bobComms.markSent(channel, OutputFormat.PLAIN, "We are on it!", seen));
        StaleUpdateException lost = (StaleUpdateException) r.stream()
                .filter(x -> x instanceof StaleUpdateException).findFirst().orElseThrow(() -> new AssertionError(r));
        String winner = r.get(0) instanceof StaleUpdateException ? "bob" : "alice";
        assertTrue(lost.getMessage().contains("already sent by " + winner + " 0 s ago — yours was not recorded"),
                lost.getMessage());
        assertEquals(1, events(EventKind.COMMS_SENT).size());
        long crisis = aliceDb.read(tx -> tx.activeCrisis()).orElseThrow().id();
        assertEquals(1, aliceDb.read(tx -> tx.commsEntries(crisis, 10)).size());
    }

    @Test
    void twoDecisionsRecordedAtOnceAreOneRecordAndTheOtherIsToldWho() throws Exception {
        new CrisisService(aliceDb, clock, "alice").start("Launch surge", clock.instant());
        PlanService alicePlan = new PlanService(aliceDb, clock, "alice", LiveFigures.none());
        PlanService bobPlan = new PlanService(bobDb, clock, "bob", LiveFigures.none());
        DecisionInputs in = new DecisionInputs(5, 900, 4000, 5);
        List<Object> r = together(
                () -> alicePlan.recordDecision(in, Quadrant.STABILITY_FIRST, "signups failing", 0L),
                () -> bobPlan.recordDecision(in, null, "ride the wave", 0L));
        StaleUpdateException lost = (StaleUpdateException) r.stream()
                .filter(x -> x instanceof StaleUpdateException).findFirst().orElseThrow(() -> new AssertionError(r));
        String winner = r.get(0) instanceof StaleUpdateException ? "bob" : "alice";
        assertTrue(lost.getMessage().startsWith("A decision was recorded by " + winner + " 0 s ago"), lost.getMessage());
        assertEquals(1, alicePlan.decisions().size());
        assertEquals(1, events(EventKind.DECISION_RECORDED).size());
    }
}
