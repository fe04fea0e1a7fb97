package dev.warroom.ui.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.DemoCrisis;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.store.Database;
import dev.warroom.testing.CountingTasks;
import dev.warroom.testing.MutableClock;
import dev.warroom.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's view model without any JavaFX toolkit: synchronous runner, scripted dialogs. */
class BoardViewModelTest {
    @TempDir
    Path dir;
    private Database db;
    private MutableClock clock;
    private ScriptedDialogs dialogs;
    private BoardViewModel vm;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("vm"));
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        BoardService service = new BoardService(db, clock, "tester", BoardPolicy.defaults());
        dialogs = new ScriptedDialogs();
        vm = new BoardViewModel(service, new DemoCrisis(db, clock, "tester"), TaskRunner.immediate(), dialogs,
                ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /**
     * A board that could not be read (team database cut off at start) is not an empty board: no counts, no
     * "Drop cards here", no green "No SLA breaches"; the message says why. The first good read shows it all.
     */
    @Test
    void aBoardNotReadYetShowsNoCountsAndNoGoodNews() {
        assertEquals("–", vm.columnCount(Column.BACKLOG));
        assertEquals("Not read yet", vm.columnPlaceholder());
        assertEquals("", vm.breachText());
        Database closed = Database.open(dir.resolve("closed"));
        closed.close();
        BoardViewModel cutOff = new BoardViewModel(new BoardService(closed, clock, "tester", BoardPolicy.defaults()),
                new DemoCrisis(closed, clock, "tester"), TaskRunner.immediate(), dialogs, ZoneOffset.UTC);
        cutOff.refresh();
        assertTrue(cutOff.messageProperty().get().startsWith("Could not read the board"),
                cutOff.messageProperty().get());
        assertEquals("–", cutOff.columnCount(Column.IN_PROGRESS));
        assertEquals("Not read yet", cutOff.columnPlaceholder());
        assertEquals("", cutOff.breachText());

        vm.refresh();
        assertEquals("0", vm.columnCount(Column.BACKLOG));
        assertEquals("0 / 1", vm.columnCount(Column.IN_PROGRESS));
        assertEquals("Drop cards here", vm.columnPlaceholder());
        assertEquals("No SLA breaches", vm.breachText());
        vm.searchProperty().set("nothing like this");
        assertEquals("No matching cards", vm.columnPlaceholder());
    }

    @Test
    void createsACardFromTheFormAndReportsIt() {
        dialogs.cards.add(new CardForm("Queue backlog", "", CardKind.SCALING, Priority.CRITICAL, "@dave", "2h", "",
                Column.BACKLOG));
        vm.newCard(Column.BACKLOG);
        Card c = vm.board().column(Column.BACKLOG).get(0);
        assertEquals("Queue backlog", c.title());
        assertEquals("dave", c.assignee());
        assertEquals(clock.instant().plus(Duration.ofHours(2)), c.eta());
        assertEquals("Added \"Queue backlog\" to Backlog.", vm.messageProperty().get());
        assertEquals("Undo add \"Queue backlog\"", vm.undoLabelProperty().get());
    }

    @Test
    void theFormValidatorNamesTheProblemBeforeAnythingIsSaved() {
        String problem = dialogs.validateWith(new CardForm(" ", "", CardKind.SCALING, Priority.HIGH, "", "", "",
                Column.BACKLOG));
        assertTrue(problem.startsWith("Title is empty"), problem);
        assertEquals("ETA \"tomorrowish\" is not understood: write a duration like 4h, 90m, 1h30m or a clock time "
                + "like 16:30.", dialogs.validateWith(new CardForm("x", "", CardKind.SCALING, Priority.HIGH, "",
                "tomorrowish", "", Column.BACKLOG)));
        assertTrue(vm.board().isEmpty());
    }

    @Test
    void aRefusedMoveAsksForAReasonAndAnOverrideShowsInTheColumnCount() {
        vm.loadDemo();
        Card signup = byTitle("Signups failing at the email step");
        dialogs.reasons.add(Optional.empty());
        vm.move(signup.id(), Column.IN_PROGRESS, 0);
        assertTrue(dialogs.lastRefusal.contains("In progress WIP limit of 1 is reached"), dialogs.lastRefusal);
        assertTrue(dialogs.lastRefusal.contains("\"Scale the primary database\" (@alice)"), dialogs.lastRefusal);
        assertTrue(vm.messageIsProblemProperty().get());
        assertEquals("1 / 1", vm.columnCount(Column.IN_PROGRESS));
        assertTrue(vm.full(Column.IN_PROGRESS));

        dialogs.reasons.add(Optional.of("signup is the launch"));
        vm.move(signup.id(), Column.IN_PROGRESS, 0);
        assertEquals("2 / 1 — override: signup is the launch", vm.columnCount(Column.IN_PROGRESS));
        assertTrue(vm.overLimit(Column.IN_PROGRESS));
        assertFalse(vm.full(Column.IN_PROGRESS), "over the limit shows as over, not as full");
    }

    @Test
    void filtersCombineSearchAssigneeAndPriority() {
        vm.loadDemo();
        vm.searchProperty().set("CDN");
        assertEquals(List.of("Put static assets behind the CDN"), titles(vm.visible(Column.REVIEW)));
        assertTrue(vm.visible(Column.BACKLOG).isEmpty());
        vm.searchProperty().set("");
        vm.assigneeFilterProperty().set("alice");
        assertEquals(List.of("Scale the primary database"), titles(vm.visible(Column.IN_PROGRESS)));
        assertEquals(1, vm.visible(Column.DONE).size());
        vm.assigneeFilterProperty().set(null);
        vm.priorityFilterProperty().set(Priority.MEDIUM);
        assertEquals(List.of("Dashboard for the war-room wall"), titles(vm.visible(Column.BACKLOG)));
        assertTrue(vm.filtering());
    }

    @Test
    void breachCountFollowsTheClock() {
        vm.loadDemo();
        vm.nowProperty().set(clock.instant());
        assertEquals("No SLA breaches", vm.breachText());
        vm.nowProperty().set(clock.instant().plus(Duration.ofMinutes(20)));
        assertEquals("1 SLA breach", vm.breachText());
    }

    /**
     * The shell asks for the breach check every 5 s. A breach costs one check that records it; later checks find
     * nothing new in the board on screen and ask the database nothing (on a 500-card board that was a read of the
     * board and a write transaction every 5 s, for ever). A new stay that breaches is checked and recorded again.
     */
    @Test
    void aRecordedBreachNeedsNoFurtherChecksUntilAnotherStayBreaches() {
        CountingTasks runner = new CountingTasks();
        BoardService service = new BoardService(db, clock, "tester", BoardPolicy.defaults());
        BoardViewModel watched = new BoardViewModel(service, new DemoCrisis(db, clock, "tester"), runner, dialogs,
                ZoneOffset.UTC);
        watched.loadDemo();
        clock.advance(Duration.ofMinutes(20));
        watched.nowProperty().set(clock.instant());
        assertEquals("1 SLA breach", watched.breachText());
        long events = events();

        int before = runner.calls();
        watched.recordBreaches();
        assertTrue(runner.calls() > before, "the first check runs");
        assertEquals(events + 1, events(), "and records the breach");
        for (int i = 0; i < 5; i++) {
            before = runner.calls();
            clock.advance(Duration.ofSeconds(5));
            watched.recordBreaches();
            assertEquals(before, runner.calls(), "check " + i + " found nothing new and asked the database nothing");
        }

        Card breached = watched.board().cards().stream()
                .filter(c -> watched.board().sla(c, clock.instant()).level() == dev.warroom.domain.SlaState.Level.BREACHED)
                .findFirst().orElseThrow();
        Column stay = breached.column();
        watched.move(breached.id(), Column.DONE, 0);
        watched.move(breached.id(), stay, 0);
        clock.advance(Duration.ofHours(3));
        before = runner.calls();
        watched.recordBreaches();
        assertTrue(runner.calls() > before, "a new stay past its SLA is checked");
        assertEquals(events + 4, events(), "two moves and the new stay's breach");
    }

    /** A check that could not look (the database takes no changes now) is made again next time, not forgotten. */
    @Test
    void aCheckThatCouldNotLookIsMadeAgain() {
        vm.loadDemo();
        db.close();
        try (Database readOnly = Database.openReadOnly(dir.resolve("vm"))) {
            CountingTasks runner = new CountingTasks();
            BoardViewModel cutOff = new BoardViewModel(new BoardService(readOnly, clock, "tester",
                    BoardPolicy.defaults()), new DemoCrisis(readOnly, clock, "tester"), runner, dialogs, ZoneOffset.UTC);
            cutOff.refresh();
            clock.advance(Duration.ofMinutes(20));
            for (int i = 0; i < 3; i++) {
                int before = runner.calls();
                cutOff.recordBreaches();
                assertEquals(before + 1, runner.calls(), "check " + i + " is tried again");
            }
            assertEquals("", cutOff.messageProperty().get(), "and that is no error to show");
        }
        db = Database.open(dir.resolve("vm"));
    }

    private long events() {
        return db.read(tx -> tx.eventCount());
    }

    @Test
    void pauseThenUndoRestoresFeatureCards() {
        vm.loadDemo();
        assertTrue(vm.mayResumeFeaturesProperty().get(), "the demo has parked feature cards");
        assertFalse(vm.mayPauseFeaturesProperty().get(), "and none left to park");
        vm.resumeFeatureWork();
        assertTrue(vm.messageProperty().get().startsWith("Resumed 3 feature cards"));
        assertEquals(0, vm.board().column(Column.PAUSED).size());
        assertFalse(vm.mayResumeFeaturesProperty().get());
        assertTrue(vm.mayPauseFeaturesProperty().get());
        vm.undo();
        assertEquals(3, vm.board().column(Column.PAUSED).size());
        assertTrue(vm.mayResumeFeaturesProperty().get());
        assertFalse(vm.messageIsProblemProperty().get());
    }

    @Test
    void limitsAreChangedThroughTheDialogAndRecorded() {
        vm.loadDemo();
        dialogs.limits = java.util.Map.of(Column.IN_PROGRESS, new ColumnLimits("2", ""), Column.REVIEW,
                new ColumnLimits("", "45m"));
        vm.editLimits();
        assertEquals("1 / 2", vm.columnCount(Column.IN_PROGRESS));
        assertEquals(java.time.Duration.ofMinutes(45), vm.board().policy().sla(Column.REVIEW).orElseThrow().allowed());
        assertEquals("2 limits changed; see the timeline.", vm.messageProperty().get());
        assertEquals("WIP limit for In progress is 0; a limit must be at least 1 (remove it instead to have no limit).",
                dialogs.limitsValidator.apply(java.util.Map.of(Column.IN_PROGRESS, new ColumnLimits("0", ""))));
        assertTrue(dialogs.limitsValidator.apply(java.util.Map.of(Column.REVIEW, new ColumnLimits("", "soon")))
                .contains("\"soon\""));
    }

    private Card byTitle(String title) {
        return vm.board().cards().stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    private static List<String> titles(List<Card> cards) {
        return cards.stream().map(Card::title).toList();
    }

    /** Answers dialogs from queues, as a person would, and remembers what it was shown. */
    private final class ScriptedDialogs extends dev.warroom.testing.NoDialogs {
        final Deque<CardForm> cards = new ArrayDeque<>();
        final Deque<Optional<String>> reasons = new ArrayDeque<>();
        String lastRefusal = "";
        java.util.Map<Column, ColumnLimits> limits;
        Function<java.util.Map<Column, ColumnLimits>, String> limitsValidator;
        Function<CardForm, String> cardValidator;

        String validateWith(CardForm form) {
            vm.newCard(Column.BACKLOG);
            return cardValidator.apply(form);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> ask(dev.warroom.ui.Form<T> form) {
            if (form instanceof LimitsDialog d) {
                limitsValidator = d::problemWith;
                return (Optional<T>) (limits == null || d.problemWith(limits) != null ? Optional.empty()
                        : Optional.of(limits));
            }
            if (form instanceof OverrideReasonDialog d) {
                lastRefusal = d.refusal();
                Optional<String> answer = reasons.poll();
                return (Optional<T>) (answer == null ? Optional.empty() : answer.filter(r -> d.problemWith(r) == null));
            }
            if (form instanceof CardDialog d) {
                cardValidator = d::problemWith;
                CardForm next = cards.poll();
                return (Optional<T>) (next == null || d.problemWith(next) != null ? Optional.empty()
                        : Optional.of(next));
            }
            return super.ask(form);
        }
    }
}
