package dev.warroom.ui.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.Board;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.Priority;
import dev.warroom.domain.WipOverride;
import dev.warroom.domain.comms.CadenceStep;
import dev.warroom.domain.comms.DueMessage;
import dev.warroom.domain.comms.DueState;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.testing.MutableClock;
import dev.warroom.ui.TaskRunner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wall's state without a screen: refresh and retry, rotation, the board summary, the next message. */
class WallViewModelTest {
    private final MutableClock clock = MutableClock.at("2026-11-23T12:00:00Z");
    private final Instant start = clock.instant().minus(Duration.ofMinutes(95));

    private Card card(long id, String title, Column column, String who, Instant eta, Duration inColumn) {
        Instant entered = clock.instant().minus(inColumn);
        return new Card(id, title, "", CardKind.SCALING, Priority.CRITICAL, who, eta, "", column, 0, start, entered,
                entered, null, 1);
    }

    private Board board(Card... cards) {
        return new Board(List.of(cards), BoardPolicy.defaults(), Map.of());
    }

    @Test
    void aFailedReadIsShownInOneLineAndRetriedUntilItWorks() {
        List<Object> answers = new ArrayList<>(List.of(new IllegalStateException("Database may be already in use"),
                new WallViewModel.Snapshot(board(card(1, "Scale the primary database", Column.IN_PROGRESS, "alice",
                        null, Duration.ofMinutes(5))), new CrisisOverview(new Crisis(1, "Launch surge", start, null, 0),
                        ScaleSeverity.VIRAL, Map.of()))));
        WallViewModel vm = new WallViewModel(() -> {
            Object next = answers.remove(0);
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (WallViewModel.Snapshot) next;
        }, TaskRunner.immediate(), clock, ZoneOffset.UTC, WallLayout.split());

        vm.refresh();
        assertEquals("Last refresh failed: Database may be already in use — retrying", vm.refreshProblemProperty().get());
        assertEquals("No active crisis", vm.crisisNameProperty().get());

        clock.advance(Duration.ofSeconds(1));
        vm.tick();
        clock.advance(Duration.ofSeconds(1));
        vm.tick();
        assertEquals("", vm.refreshProblemProperty().get(), "the retry on the next refresh worked");
        assertEquals("Launch surge", vm.crisisNameProperty().get());
        assertEquals("T+01:35", vm.crisisClockProperty().get());
        assertEquals("Hour 0–6 · Recognise and respond", vm.crisisPhaseProperty().get());
        assertEquals("1 / 1", vm.summaryProperty().get().column(Column.IN_PROGRESS).count());
    }

    @Test
    void rotatesThroughTheConfiguredPagesAndStaysPutWhenSplit() {
        WallViewModel rotating = new WallViewModel(() -> new WallViewModel.Snapshot(Board.empty(), null),
                TaskRunner.immediate(), clock, ZoneOffset.UTC,
                WallLayout.rotating(Duration.ofSeconds(3), List.of(WallPage.BOARD, WallPage.TILES)));
        List<WallPage> seen = new ArrayList<>();
        for (int s = 0; s < 9; s++) {
            seen.add(rotating.pageProperty().get());
            rotating.tick();
        }
        assertEquals(List.of(WallPage.BOARD, WallPage.BOARD, WallPage.BOARD, WallPage.TILES, WallPage.TILES,
                WallPage.TILES, WallPage.BOARD, WallPage.BOARD, WallPage.BOARD), seen);

        WallViewModel split = new WallViewModel(() -> new WallViewModel.Snapshot(Board.empty(), null),
                TaskRunner.immediate(), clock, ZoneOffset.UTC, WallLayout.split());
        for (int s = 0; s < 60; s++) {
            split.tick();
        }
        assertEquals(WallPage.OVERVIEW, split.pageProperty().get());
    }

    @Test
    void summaryShowsWipOverrideEtaAndSlaCountdowns() {
        Card first = card(1, "Scale the primary database", Column.IN_PROGRESS, "alice",
                clock.instant().plus(Duration.ofMinutes(45)), Duration.ofMinutes(30));
        Card second = card(2, "Queue the signup mails", Column.IN_PROGRESS, "", null, Duration.ofMinutes(2));
        Card review = card(3, "CDN for static assets", Column.REVIEW, "bob", null, Duration.ofMinutes(50));
        Card breached = card(4, "Read replica", Column.REVIEW, "carol", null, Duration.ofMinutes(65));
        Board b = new Board(List.of(first, second, review, breached), BoardPolicy.defaults(), Map.of(
                Column.IN_PROGRESS, new WipOverride(Column.IN_PROGRESS, "launch blocker", "ic", clock.instant())));
        BoardSummary s = BoardSummary.of(b, clock.instant(), ZoneOffset.UTC);

        assertEquals("2 / 1", s.column(Column.IN_PROGRESS).count());
        assertTrue(s.column(Column.IN_PROGRESS).overLimit());
        assertEquals("override: launch blocker", s.column(Column.IN_PROGRESS).override());
        assertEquals("@alice · ETA 12:45 · 45m left", s.inProgress().get(0).detail());
        assertEquals("unassigned · no ETA", s.inProgress().get(1).detail());
        assertEquals("SLA 10:00 left", s.review().get(0).countdown());
        assertEquals(dev.warroom.domain.SlaState.Level.WARNING, s.review().get(0).level());
        assertEquals("SLA breached 5:00 ago", s.review().get(1).countdown());
        assertEquals(dev.warroom.domain.SlaState.Level.BREACHED, s.review().get(1).level());
    }

    @Test
    void theMostUrgentMessageIsShownOverdueFirst() {
        WallViewModel vm = new WallViewModel(() -> new WallViewModel.Snapshot(Board.empty(), null),
                TaskRunner.immediate(), clock, ZoneOffset.UTC, WallLayout.split());
        Instant now = clock.instant();
        CadenceStep status = new CadenceStep("status-page", "Status page", Duration.ofMinutes(30), Duration.ofHours(2),
                "status-page", OutputFormat.PLAIN);
        CadenceStep email = new CadenceStep("customers", "Customer email", Duration.ofHours(2), Duration.ofHours(2),
                "hour-1-acknowledgement", OutputFormat.MARKDOWN);
        vm.setSchedule(List.of(new DueMessage(email, now.plus(Duration.ofMinutes(25)), DueState.UPCOMING, now)));
        assertEquals("Next: Customer email update in 25m", vm.nextMessageProperty().get());
        assertEquals("", vm.nextMessageLevelProperty().get());

        vm.setSchedule(List.of(new DueMessage(email, now.plus(Duration.ofMinutes(25)), DueState.UPCOMING, now),
                new DueMessage(status, now.minus(Duration.ofMinutes(12)), DueState.OVERDUE, now)));
        assertEquals("Status page update overdue by 12m", vm.nextMessageProperty().get());
        assertEquals("overdue", vm.nextMessageLevelProperty().get());
        CadenceStep room = new CadenceStep("war-room", "Internal war room", Duration.ZERO, Duration.ofHours(2),
                "war-room", OutputFormat.PLAIN);
        vm.setSchedule(List.of(new DueMessage(email, now.plus(Duration.ofMinutes(25)), DueState.UPCOMING, now),
                new DueMessage(status, now.minus(Duration.ofMinutes(12)), DueState.OVERDUE, now),
                new DueMessage(room, now.minus(Duration.ofMinutes(42)), DueState.OVERDUE, now)));
        assertEquals("Internal war room update overdue by 42m   ·   Status page update overdue by 12m",
                vm.nextMessageProperty().get(), "every overdue message, not only the first");
    }
}
