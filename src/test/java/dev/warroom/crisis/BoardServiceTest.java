package dev.warroom.crisis;

import dev.warroom.testing.Backend;
import dev.warroom.testing.PostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.WipOverride;
import dev.warroom.store.Database;
import dev.warroom.store.StaleUpdateException;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on H2 and on PostgreSQL (team mode): the same tests, both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@ExtendWith(PostgresExtension.class)
class BoardServiceTest {
    @Parameter
    Backend backend;

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private final MutableClock clock = new MutableClock(T0);
    private BoardService board;

    @BeforeEach
    void open() {
        db = backend.open(dir, "board");
        board = new BoardService(db, clock, "alice", BoardPolicy.defaults());
    }

    @AfterEach
    void close() {
        db.close();
    }

    // helpers

    private CardDraft draft(String title) {
        return draft(title, CardKind.SCALING);
    }

    private CardDraft draft(String title, CardKind kind) {
        return CardDraft.of(title, "", kind, Priority.HIGH, "bob", "4h", "", clock.instant(), ZoneOffset.UTC);
    }

    private Card card(long id) {
        return board.board().card(id).orElseThrow();
    }

    private List<TimelineEvent> events() {
        List<TimelineEvent> all = new ArrayList<>(db.read(tx -> tx.latestEvents(10_000)));
        Collections.reverse(all);
        return all;
    }

    private List<EventKind> kindsSince(int from) {
        List<TimelineEvent> all = events();
        return all.subList(from, all.size()).stream().map(TimelineEvent::kind).toList();
    }

    private int eventCount() {
        return (int) (long) db.read(tx -> tx.eventCount());
    }

    private TimelineEvent lastEvent() {
        return db.read(tx -> tx.latestEvents(1)).get(0);
    }

    private Card moved(MoveResult r) {
        return assertInstanceOf(MoveResult.Moved.class, r).card();
    }

    private Card moveTo(Card c, Column target) {
        return moved(board.move(c.id(), card(c.id()).version(), target, Integer.MAX_VALUE, null));
    }

    private List<String> titles(Column column) {
        return board.board().column(column).stream().map(Card::title).toList();
    }

    // create, edit, delete, undo

    @Test
    void createPutsTheCardAtTheEndOfItsColumnWithOneEvent() {
        Card a = board.create(draft("Scale the DB"), Column.BACKLOG);
        Card b = board.create(draft("CDN"), Column.BACKLOG);

        assertEquals(List.of(0, 1), List.of(a.position(), b.position()));
        assertEquals(0, a.version());
        assertEquals(T0, a.createdAt());
        assertEquals(T0.plus(Duration.ofHours(4)), a.eta());
        assertEquals(List.of(EventKind.CARD_CREATED, EventKind.CARD_CREATED), kindsSince(0));
        TimelineEvent e = lastEvent();
        assertEquals("alice", e.actor());
        assertEquals("card:" + b.id(), e.subject());
        assertEquals(T0, e.at());
        assertTrue(e.summary().contains("CDN"), e.summary());
        assertTrue(e.after().contains("\"title\":\"CDN\""), e.after());
    }

    @Test
    void creatingStraightIntoAFullColumnIsRefused() {
        board.create(draft("DB"), Column.IN_PROGRESS);
        int events = eventCount();

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> board.create(draft("Second"), Column.IN_PROGRESS));
        assertTrue(e.getMessage().contains("In progress WIP limit of 1"), e.getMessage());
        assertTrue(e.getMessage().contains("\"DB\""), e.getMessage());
        assertEquals(List.of("DB"), titles(Column.IN_PROGRESS));
        assertEquals(events, eventCount());
    }

    @Test
    void editIsOneEventAndUndoRestoresTheOldValues() {
        Card c = board.create(draft("Scale the DB"), Column.REVIEW);
        clock.advance(Duration.ofMinutes(5));
        Card edited = board.edit(c.id(), c.version(), CardDraft.of("Scale the primary DB", "resize", CardKind.SCALING,
                Priority.CRITICAL, "@carol", "", "Testing", clock.instant(), ZoneOffset.UTC));

        assertEquals(1, edited.version());
        assertEquals("Scale the primary DB", card(c.id()).title());
        assertEquals("carol", card(c.id()).assignee());
        assertNull(card(c.id()).eta());
        assertEquals(T0, card(c.id()).enteredColumnAt(), "editing does not restart the SLA clock");
        assertEquals(List.of(EventKind.CARD_EDITED), kindsSince(1));
        assertTrue(lastEvent().before().contains("Scale the DB") && lastEvent().after().contains("primary"));

        assertEquals(Optional.of("edit of \"Scale the primary DB\""), board.nextUndo());
        board.undo();
        Card back = card(c.id());
        assertEquals("Scale the DB", back.title());
        assertEquals("bob", back.assignee());
        assertEquals(c.eta(), back.eta());
        assertEquals(Column.REVIEW, back.column());
        assertEquals(2, back.version());
        assertEquals(List.of(EventKind.CARD_EDITED, EventKind.UNDONE), kindsSince(1));
    }

    @Test
    void deleteThenUndoBringsTheCardBack() {
        Card c = board.create(draft("Scale the DB"), Column.REVIEW);
        board.delete(c.id(), c.version());
        assertTrue(board.board().isEmpty());
        assertEquals(List.of(EventKind.CARD_DELETED), kindsSince(1));

        assertEquals(Optional.of("delete of \"Scale the DB\""), board.undo());
        Card back = card(c.id());
        assertEquals(Column.REVIEW, back.column());
        assertEquals("Scale the DB", back.title());
        assertEquals(List.of(EventKind.CARD_DELETED, EventKind.CARD_RESTORED), kindsSince(1));
    }

    @Test
    void undoOfCreateRemovesTheCard() {
        board.create(draft("Oops"), Column.BACKLOG);
        assertEquals(Optional.of("add \"Oops\""), board.undo());
        assertTrue(board.board().isEmpty());
        assertEquals(List.of(EventKind.CARD_CREATED, EventKind.UNDONE), kindsSince(0));
        assertEquals(Optional.empty(), board.undo(), "nothing left to undo");
        assertEquals(2, eventCount());
    }

    @Test
    void staleChangesAreRefusedAndNothingIsWritten() {
        Card c = board.create(draft("Scale the DB"), Column.BACKLOG);
        board.edit(c.id(), c.version(), draft("Scale the DB now"));
        int events = eventCount();

        StaleUpdateException e = assertThrows(StaleUpdateException.class,
                () -> board.edit(c.id(), c.version(), draft("My stale title")));
        assertTrue(e.getMessage().contains("version 1, you had 0"), e.getMessage());
        assertThrows(StaleUpdateException.class, () -> board.move(c.id(), c.version(), Column.REVIEW, 0, null));
        assertThrows(StaleUpdateException.class, () -> board.delete(c.id(), c.version()));

        assertEquals("Scale the DB now", card(c.id()).title());
        assertEquals(Column.BACKLOG, card(c.id()).column());
        assertEquals(events, eventCount());
    }

    @Test
    void changesToADeletedCardAreRefused() {
        Card c = board.create(draft("Gone"), Column.BACKLOG);
        board.delete(c.id(), c.version());
        assertThrows(StaleUpdateException.class, () -> board.move(c.id(), c.version() + 1, Column.DONE, 0, null));
        assertThrows(StaleUpdateException.class, () -> board.edit(c.id(), c.version() + 1, draft("x")));
    }

    @Test
    void undoAfterAnotherWindowChangedTheCardIsRefused() {
        Card c = board.create(draft("DB"), Column.BACKLOG);
        moveTo(c, Column.REVIEW);
        BoardService other = new BoardService(db, clock, "bob", BoardPolicy.defaults());
        other.edit(c.id(), card(c.id()).version(), draft("DB (bob's words)"));
        int events = eventCount();

        assertThrows(StaleUpdateException.class, board::undo);
        assertEquals(Column.REVIEW, card(c.id()).column());
        assertEquals("DB (bob's words)", card(c.id()).title());
        assertEquals(events, eventCount());
    }

    // moves and WIP limits

    @Test
    void moveIsOneEventAndUndoPutsTheCardBack() {
        Card a = board.create(draft("A"), Column.BACKLOG);
        board.create(draft("B"), Column.BACKLOG);
        clock.advance(Duration.ofMinutes(3));
        MoveResult.Moved m = assertInstanceOf(MoveResult.Moved.class,
                board.move(a.id(), a.version(), Column.REVIEW, 0, null));
        assertEquals(Column.BACKLOG, m.from());
        assertEquals(0, m.fromIndex());
        assertFalse(m.overridden());
        assertEquals(T0.plus(Duration.ofMinutes(3)), m.card().enteredColumnAt());
        assertEquals(List.of(EventKind.CARD_MOVED), kindsSince(2));
        assertTrue(lastEvent().summary().contains("Backlog → Review"), lastEvent().summary());

        board.undo();
        assertEquals(List.of("A", "B"), titles(Column.BACKLOG));
        assertEquals(List.of(EventKind.CARD_MOVED, EventKind.CARD_MOVED), kindsSince(2));
    }

    @Test
    void moveIntoFullInProgressIsRefusedWithNoWriteAndNoEvent() {
        Card db1 = board.create(CardDraft.of("Scale the DB", "", CardKind.SCALING, Priority.CRITICAL, "alice", "", "",
                T0, ZoneOffset.UTC), Column.BACKLOG);
        Card signup = board.create(draft("Signup failing"), Column.BACKLOG);
        moveTo(db1, Column.IN_PROGRESS);
        int events = eventCount();
        Board before = board.board();

        MoveResult r = board.move(signup.id(), signup.version(), Column.IN_PROGRESS, 0, null);

        MoveResult.Refused refused = assertInstanceOf(MoveResult.Refused.class, r);
        assertTrue(refused.message().contains("In progress WIP limit of 1"), refused.message());
        assertTrue(refused.message().contains("\"Scale the DB\" (@alice)"), refused.message());
        assertEquals(before, board.board());
        assertEquals(events, eventCount());

        MoveResult blankReason = board.move(signup.id(), signup.version(), Column.IN_PROGRESS, 0, "   ");
        assertInstanceOf(MoveResult.Refused.class, blankReason, "a blank reason is no override");
        assertEquals(events, eventCount());
    }

    @Test
    void overrideWithAReasonIsRecordedAndShown() {
        Card a = board.create(draft("Scale the DB"), Column.BACKLOG);
        Card b = board.create(draft("Signup failing"), Column.BACKLOG);
        moveTo(a, Column.IN_PROGRESS);
        int events = eventCount();
        clock.advance(Duration.ofMinutes(1));

        MoveResult r = board.move(b.id(), b.version(), Column.IN_PROGRESS, 1, "  Signups are revenue  ");

        assertTrue(assertInstanceOf(MoveResult.Moved.class, r).overridden());
        assertEquals(List.of(EventKind.CARD_MOVED, EventKind.WIP_OVERRIDE), kindsSince(events));
        TimelineEvent override = lastEvent();
        assertEquals("column:IN_PROGRESS", override.subject());
        assertTrue(override.summary().contains("(2 / 1): Signups are revenue"), override.summary());
        Board now = board.board();
        assertEquals(new WipOverride(Column.IN_PROGRESS, "Signups are revenue", "alice", clock.instant()),
                now.override(Column.IN_PROGRESS).orElseThrow());
        assertTrue(now.overLimit(Column.IN_PROGRESS));
        assertEquals(List.of("Scale the DB", "Signup failing"), titles(Column.IN_PROGRESS));
    }

    @Test
    void overLongOverrideReasonIsRefusedAndNothingWritten() {
        Card a = board.create(draft("A"), Column.BACKLOG);
        Card b = board.create(draft("B"), Column.BACKLOG);
        moveTo(a, Column.IN_PROGRESS);
        int events = eventCount();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> board.move(b.id(), b.version(), Column.IN_PROGRESS, 0, "x".repeat(WipOverride.MAX_REASON + 1)));
        assertEquals("reason", e.field());
        assertEquals(events, eventCount());
        assertEquals(Column.BACKLOG, card(b.id()).column());
    }

    @Test
    void overrideClearsItselfWhenTheExcessLeaves() {
        Card a = board.create(draft("A"), Column.BACKLOG);
        Card b = board.create(draft("B"), Column.BACKLOG);
        moveTo(a, Column.IN_PROGRESS);
        moved(board.move(b.id(), b.version(), Column.IN_PROGRESS, 1, "urgent"));
        int events = eventCount();

        moveTo(a, Column.REVIEW);

        assertEquals(List.of(EventKind.CARD_MOVED, EventKind.WIP_OVERRIDE_CLEARED), kindsSince(events));
        assertTrue(lastEvent().summary().contains("back within its limit (1 / 1)"), lastEvent().summary());
        assertTrue(board.board().overrides().isEmpty());
        assertFalse(board.board().overLimit(Column.IN_PROGRESS));
    }

    @Test
    void deletingTheExcessCardClearsTheOverrideAndUndoCannotBreakTheLimitAgain() {
        Card a = board.create(draft("A"), Column.BACKLOG);
        Card b = board.create(draft("B"), Column.BACKLOG);
        moveTo(a, Column.IN_PROGRESS);
        Card bIn = moved(board.move(b.id(), b.version(), Column.IN_PROGRESS, 1, "urgent"));
        int events = eventCount();

        board.delete(bIn.id(), bIn.version());
        assertEquals(List.of(EventKind.CARD_DELETED, EventKind.WIP_OVERRIDE_CLEARED), kindsSince(events));

        InvalidInputException e = assertThrows(InvalidInputException.class, board::undo);
        assertTrue(e.getMessage().contains("WIP limit"), e.getMessage());
        assertEquals(List.of("A"), titles(Column.IN_PROGRESS));
    }

    @Test
    void reorderInsideAColumnKeepsItsSlaClockAndOthersVersions() {
        Card a = board.create(draft("A"), Column.REVIEW);
        Card b = board.create(draft("B"), Column.REVIEW);
        Card c = board.create(draft("C"), Column.REVIEW);
        clock.advance(Duration.ofMinutes(10));
        int events = eventCount();

        Card moved = moved(board.move(c.id(), c.version(), Column.REVIEW, 0, null));

        assertEquals(List.of("C", "A", "B"), titles(Column.REVIEW));
        assertEquals(List.of(0, 1, 2), board.board().column(Column.REVIEW).stream().map(Card::position).toList());
        assertEquals(T0, moved.enteredColumnAt());
        assertEquals(0, card(a.id()).version());
        assertEquals(0, card(b.id()).version());
        assertEquals(List.of(EventKind.CARD_MOVED), kindsSince(events));
        assertTrue(lastEvent().summary().contains("reordered in Review"), lastEvent().summary());

        moved(board.move(c.id(), moved.version(), Column.REVIEW, 99, null));
        assertEquals(List.of("A", "B", "C"), titles(Column.REVIEW), "an index past the end means last");
    }

    @Test
    void reorderInsideAFullColumnIsAllowed() {
        Card a = board.create(draft("A"), Column.BACKLOG);
        Card b = board.create(draft("B"), Column.BACKLOG);
        moveTo(a, Column.IN_PROGRESS);
        Card bIn = moved(board.move(b.id(), b.version(), Column.IN_PROGRESS, 1, "urgent"));
        moved(board.move(bIn.id(), bIn.version(), Column.IN_PROGRESS, 0, null));
        assertEquals(List.of("B", "A"), titles(Column.IN_PROGRESS));
        assertTrue(board.board().override(Column.IN_PROGRESS).isPresent(), "the override stays while 2 / 1");
    }

    // pause and resume feature work

    @Test
    void pauseAndResumeFeatureWorkAreOneTransactionAndOneEventEach() {
        Card scaling = board.create(draft("Scale the DB"), Column.BACKLOG);
        Card f1 = board.create(draft("Referral rewards", CardKind.FEATURE), Column.BACKLOG);
        Card f2 = board.create(draft("Profile page", CardKind.FEATURE), Column.IN_PROGRESS);
        Card f3 = board.create(draft("Onboarding", CardKind.FEATURE), Column.REVIEW);
        Card done = board.create(draft("Dark mode", CardKind.FEATURE), Column.DONE);
        int events = eventCount();

        List<Card> paused = board.pauseFeatureWork();

        assertEquals(3, paused.size());
        assertEquals(List.of(EventKind.FEATURES_PAUSED), kindsSince(events));
        assertTrue(lastEvent().summary().contains("3 cards moved to Paused"), lastEvent().summary());
        Board b = board.board();
        assertEquals(Column.BACKLOG, b.card(f1.id()).orElseThrow().pausedFrom());
        assertEquals(Column.IN_PROGRESS, b.card(f2.id()).orElseThrow().pausedFrom());
        assertEquals(Column.REVIEW, b.card(f3.id()).orElseThrow().pausedFrom());
        assertEquals(Column.DONE, b.card(done.id()).orElseThrow().column());
        assertEquals(Column.BACKLOG, b.card(scaling.id()).orElseThrow().column());
        assertEquals(List.of(0, 1, 2), b.column(Column.PAUSED).stream().map(Card::position).toList());

        List<Card> resumed = board.resumeFeatureWork();

        assertEquals(3, resumed.size());
        assertEquals(List.of(EventKind.FEATURES_PAUSED, EventKind.FEATURES_RESUMED), kindsSince(events));
        b = board.board();
        assertEquals(Column.BACKLOG, b.card(f1.id()).orElseThrow().column());
        assertEquals(Column.IN_PROGRESS, b.card(f2.id()).orElseThrow().column());
        assertEquals(Column.REVIEW, b.card(f3.id()).orElseThrow().column());
        assertTrue(b.column(Column.PAUSED).isEmpty());
        assertTrue(b.cards().stream().allMatch(c -> c.pausedFrom() == null));

        assertTrue(board.resumeFeatureWork().isEmpty());
        assertTrue(board.pauseFeatureWork().size() == 3);
        assertTrue(board.pauseFeatureWork().isEmpty(), "nothing left to pause");
        assertEquals(List.of(EventKind.FEATURES_PAUSED, EventKind.FEATURES_RESUMED, EventKind.FEATURES_PAUSED),
                kindsSince(events), "an empty pause or resume writes nothing");
    }

    @Test
    void resumeIntoAFullInProgressGoesToBacklogAndSaysWhy() {
        Card feature = board.create(draft("Referral rewards", CardKind.FEATURE), Column.IN_PROGRESS);
        Card scaling = board.create(draft("Scale the DB"), Column.BACKLOG);
        board.pauseFeatureWork();
        moveTo(scaling, Column.IN_PROGRESS);
        int events = eventCount();

        board.resumeFeatureWork();

        assertEquals(Column.BACKLOG, card(feature.id()).column());
        assertEquals(List.of("Scale the DB"), titles(Column.IN_PROGRESS));
        assertEquals(List.of(EventKind.FEATURES_RESUMED), kindsSince(events));
        assertTrue(lastEvent().summary().contains(
                "\"Referral rewards\" went to Backlog because In progress is at its limit"), lastEvent().summary());
    }

    @Test
    void undoOfPauseAndOfResume() {
        Card f1 = board.create(draft("Referral rewards", CardKind.FEATURE), Column.REVIEW);
        Card f2 = board.create(draft("Profile page", CardKind.FEATURE), Column.BACKLOG);
        int events = eventCount();

        board.pauseFeatureWork();
        assertEquals(Optional.of("pause of feature work"), board.undo());
        assertEquals(Column.REVIEW, card(f1.id()).column());
        assertEquals(Column.BACKLOG, card(f2.id()).column());
        assertNull(card(f1.id()).pausedFrom());
        assertEquals(List.of(EventKind.FEATURES_PAUSED, EventKind.UNDONE), kindsSince(events));

        board.pauseFeatureWork();
        board.resumeFeatureWork();
        assertEquals(Optional.of("resume of feature work"), board.undo());
        assertEquals(Column.PAUSED, card(f1.id()).column());
        assertEquals(Column.PAUSED, card(f2.id()).column());
        assertEquals(Column.REVIEW, card(f1.id()).pausedFrom());
        assertEquals(List.of(EventKind.FEATURES_PAUSED, EventKind.UNDONE, EventKind.FEATURES_PAUSED,
                EventKind.FEATURES_RESUMED, EventKind.UNDONE), kindsSince(events));

        board.resumeFeatureWork();
        assertEquals(Column.REVIEW, card(f1.id()).column(), "after undoing resume, resume still knows the origin");
    }

    @Test
    void pausingAnOverriddenCardClearsTheOverride() {
        Card a = board.create(draft("A"), Column.IN_PROGRESS);
        Card f = board.create(draft("Feature", CardKind.FEATURE), Column.BACKLOG);
        moved(board.move(f.id(), f.version(), Column.IN_PROGRESS, 1, "promised to a customer"));
        int events = eventCount();

        board.pauseFeatureWork();

        assertEquals(List.of(EventKind.FEATURES_PAUSED, EventKind.WIP_OVERRIDE_CLEARED), kindsSince(events));
        assertTrue(board.board().overrides().isEmpty());
        assertEquals(List.of("A"), titles(Column.IN_PROGRESS));
        assertEquals(a.id(), board.board().column(Column.IN_PROGRESS).get(0).id());
    }

    // SLA

    /**
     * The breach check runs by itself every second; a database that takes no changes just now (a read-only file,
     * a team database that is unreachable) is not an error to show for it: the breach is recorded once changes
     * are taken again, once.
     */
    @Test
    void aBreachThatCannotBeWrittenNowIsRecordedOnceChangesAreTakenAgain() {
        org.junit.jupiter.api.Assumptions.assumeTrue(backend == Backend.H2,
                "a read-only file is the H2 case; a cut-off team client refuses the same way (TeamSessionTest)");
        Card c = board.create(draft("CDN"), Column.BACKLOG);
        moveTo(c, Column.REVIEW);
        clock.advance(Duration.ofMinutes(61));
        db.close();
        try (Database readOnly = Database.openReadOnly(dir.resolve("board"))) {
            BoardService looking = new BoardService(readOnly, clock, "alice", BoardPolicy.defaults());
            assertEquals(0, looking.recordSlaBreaches(), "nothing can be recorded now, and that is no error");
        }
        db = backend.open(dir, "board");
        board = new BoardService(db, clock, "alice", BoardPolicy.defaults());
        int events = eventCount();
        assertEquals(1, board.recordSlaBreaches());
        assertEquals(0, board.recordSlaBreaches());
        assertEquals(List.of(EventKind.SLA_BREACHED), kindsSince(events));
    }

    @Test
    void slaBreachIsRecordedOncePerStay() {
        Card c = board.create(draft("CDN"), Column.BACKLOG);
        Card inReview = moveTo(c, Column.REVIEW);
        int events = eventCount();

        clock.advance(Duration.ofMinutes(59));
        assertEquals(0, board.recordSlaBreaches());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, board.recordSlaBreaches());
        assertEquals(0, board.recordSlaBreaches(), "a second check records nothing new");
        clock.advance(Duration.ofHours(2));
        assertEquals(0, board.recordSlaBreaches());
        assertEquals(List.of(EventKind.SLA_BREACHED), kindsSince(events));
        TimelineEvent breach = lastEvent();
        assertEquals("card:" + c.id(), breach.subject());
        assertEquals(BoardService.SYSTEM_ACTOR, breach.actor());
        assertTrue(breach.summary().contains("breached the Review SLA of 1h (@bob)"), breach.summary());
        assertEquals(1, board.board().breachCount(clock.instant()));

        moveTo(inReview, Column.DONE);
        moveTo(inReview, Column.REVIEW);
        assertEquals(0, board.recordSlaBreaches(), "a new stay starts a new SLA clock");
        clock.advance(Duration.ofHours(1));
        assertEquals(1, board.recordSlaBreaches());
        assertEquals(List.of(EventKind.SLA_BREACHED, EventKind.CARD_MOVED, EventKind.CARD_MOVED,
                EventKind.SLA_BREACHED), kindsSince(events));
    }

    @Test
    void slaBreachInPausedDoesNotHideTheNextBreachAfterResume() {
        BoardService withPausedSla = new BoardService(db, clock, "alice",
                BoardPolicy.defaults().withSla(Column.PAUSED, Duration.ofHours(2)));
        Card f = withPausedSla.create(draft("Referral rewards", CardKind.FEATURE), Column.REVIEW);
        withPausedSla.pauseFeatureWork();
        clock.advance(Duration.ofHours(2));
        assertEquals(1, withPausedSla.recordSlaBreaches(), "breach in Paused");

        withPausedSla.resumeFeatureWork();
        assertEquals(Column.REVIEW, card(f.id()).column());
        clock.advance(Duration.ofHours(1));
        assertEquals(1, withPausedSla.recordSlaBreaches(), "the new stay in Review gets its own breach");
    }

    @Test
    void cardsOutsideSlaColumnsNeverBreach() {
        board.create(draft("Backlog item"), Column.BACKLOG);
        clock.advance(Duration.ofDays(3));
        assertEquals(0, board.recordSlaBreaches());
        assertEquals(1, eventCount());
    }

    // policy

    @Test
    void policyChangesAreStoredRecordedAndClearOverrides() {
        Card a = board.create(draft("A"), Column.BACKLOG);
        Card b = board.create(draft("B"), Column.BACKLOG);
        moveTo(a, Column.IN_PROGRESS);
        moved(board.move(b.id(), b.version(), Column.IN_PROGRESS, 1, "urgent"));
        int events = eventCount();

        board.changeWipLimit(Column.IN_PROGRESS, 2);
        assertEquals(List.of(EventKind.POLICY_CHANGED, EventKind.WIP_OVERRIDE_CLEARED), kindsSince(events));
        board.changeSla(Column.REVIEW, Duration.ofMinutes(30));
        assertTrue(lastEvent().summary().contains("Review SLA set to 30m"), lastEvent().summary());

        BoardService reopened = new BoardService(db, clock, "alice", BoardPolicy.defaults());
        assertEquals(2, reopened.board().policy().wipLimit(Column.IN_PROGRESS).orElseThrow().max());
        assertEquals(Duration.ofMinutes(30), reopened.board().policy().sla(Column.REVIEW).orElseThrow().allowed());

        int before = eventCount();
        assertThrows(InvalidInputException.class, () -> board.changeWipLimit(Column.IN_PROGRESS, 0));
        assertEquals(before, eventCount());
        board.changeWipLimit(Column.IN_PROGRESS, null);
        assertTrue(board.board().policy().wipLimit(Column.IN_PROGRESS).isEmpty());
    }

    // crisis

    @Test
    void crisisStartsOnceWithOneEvent() {
        CrisisService crises = new CrisisService(db, clock, "alice");
        assertTrue(crises.active().isEmpty());
        var c = crises.start(" Signup surge ", T0.minus(Duration.ofMinutes(45)));
        assertEquals("Signup surge", crises.active().orElseThrow().name());
        assertEquals("T+00:45", c.clock(clock.instant()));
        assertEquals(EventKind.CRISIS_STARTED, lastEvent().kind());

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> crises.start("Another", T0));
        assertTrue(e.getMessage().contains("still active"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> crises.start("  ", T0));
        assertEquals(1, eventCount());
    }
}
