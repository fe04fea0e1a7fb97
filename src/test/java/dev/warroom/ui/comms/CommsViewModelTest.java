package dev.warroom.ui.comms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.DisplayPreferences;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.crisis.comms.MessageTemplate;
import dev.warroom.crisis.comms.TemplateLibrary;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import dev.warroom.testing.NoDialogs;
import dev.warroom.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template editor fills templates through the task runner, never on the calling (FX) thread. */
class CommsViewModelTest {
    @TempDir
    Path dir;

    /** Holds submitted work until the test runs it, as a background thread would later. */
    private static final class HeldTasks implements TaskRunner {
        final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onError) {
            held.add(() -> TaskRunner.immediate().run(work, onDone, onError));
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.removeFirst().run();
            }
        }
    }

    @Test
    void aRunawayTemplateIsFilledInTheBackgroundAndStoppedWithAMessageNamingIt() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (Database db = Database.open(dir.resolve("warroom"))) {
            new dev.warroom.crisis.CrisisService(db, clock, "alice").start("Launch surge",
                    dev.warroom.domain.metric.ScaleSeverity.SURGE, clock.instant(), "alice");
            dev.warroom.crisis.BoardService board = new dev.warroom.crisis.BoardService(db, clock, "alice",
                    dev.warroom.domain.BoardPolicy.defaults());
            for (int i = 0; i < 30; i++) {
                board.create(dev.warroom.domain.CardDraft.of("Fixed thing number " + i, "", null, null, "", "", "",
                        "Fixed for customers, number " + i, clock.instant(), ZoneOffset.UTC),
                        dev.warroom.domain.Column.DONE);
            }
            HeldTasks tasks = new HeldTasks();
            CommsViewModel vm = new CommsViewModel(new CommsService(db, clock, "alice", CommsCadence.seedDefault(),
                    LiveFigures.none(), ZoneOffset.UTC), new TemplateLibrary(null), new DisplayPreferences(db), tasks,
                    new NoDialogs(), text -> { }, () -> { }, ZoneOffset.UTC, false);
            vm.load();
            tasks.runAll();
            String six = "{{#fixed}}".repeat(6) + "{{title}}" + "{{/fixed}}".repeat(6);
            String before = vm.problemProperty().get();
            vm.templateProperty().set(new MessageTemplate("nested-six", six, false));
            assertEquals(before, vm.problemProperty().get(), "nothing rendered on the calling thread");
            assertTrue(!tasks.held.isEmpty(), "the rendering was submitted to the task runner");

            vm.sourceProperty().set("Still {{crisis_name}}");
            vm.sourceProperty().set(six);
            tasks.runAll();
            assertTrue(vm.problemProperty().get().contains("Template \"nested-six\" was stopped"),
                    vm.problemProperty().get());
            assertEquals("", vm.previewProperty().get());
        }
    }

    /** Answers every confirmation with {@code yes} and counts the questions. */
    private static final class Confirming extends NoDialogs {
        boolean yes;
        int asked;

        @Override
        public boolean confirm(String title, String message, String confirmLabel) {
            asked++;
            return yes;
        }
    }

    private CommsViewModel editor(Database db, MutableClock clock, TaskRunner tasks, NoDialogs dialogs) {
        CommsViewModel vm = new CommsViewModel(new CommsService(db, clock, "alice", CommsCadence.seedDefault(),
                LiveFigures.none(), ZoneOffset.UTC), new TemplateLibrary(null), new DisplayPreferences(db), tasks,
                dialogs, text -> { }, () -> { }, ZoneOffset.UTC, false);
        vm.load();
        return vm;
    }

    private static dev.warroom.domain.comms.CadenceStep step(CommsViewModel vm, String channel) {
        return vm.channels().stream().filter(c -> c.channel().equals(channel)).findFirst().orElseThrow();
    }

    private static long sent(Database db) {
        return db.read(tx -> tx.commsEntries(tx.activeCrisis().orElseThrow().id(), 100)).stream()
                .filter(e -> e.outcome() == dev.warroom.domain.comms.CommsOutcome.SENT).count();
    }

    @Test
    void missingValuesBecomeFieldsAndMarkAsSentWaitsForThemWithTheReason() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (Database db = Database.open(dir.resolve("warroom"))) {
            new dev.warroom.crisis.CrisisService(db, clock, "alice").start("Launch surge", null, clock.instant(), null);
            CommsViewModel vm = editor(db, clock, TaskRunner.immediate(), new NoDialogs());
            vm.write(step(vm, "war-room"));
            vm.sourceProperty().set("WAR ROOM: {{crisis_name}} · severity {{severity}} · commander {{commander}}");
            assertEquals(java.util.List.of("severity", "commander"), vm.missing());
            assertTrue(vm.sendDisabledProperty().get(), "Mark as sent is disabled while values are missing");
            assertEquals("Fill in severity and commander first.", vm.sendStateProperty().get());
            dev.warroom.ui.Command palette = CommsCommands.of(vm).stream()
                    .filter(c -> c.name().equals("Mark as sent")).findFirst().orElseThrow();
            assertEquals("Fill in severity and commander first.", palette.whyBlocked(),
                    "the palette's Mark as sent is blocked by the button's rule, with the same reason");

            vm.fillIn("severity", "SURGE");
            assertEquals(java.util.List.of("severity", "commander"), vm.missing(), "the field stays while typed into");
            assertTrue(vm.previewProperty().get().contains("severity SURGE"), vm.previewProperty().get());
            assertEquals("Fill in commander first.", vm.sendStateProperty().get());
            vm.fillIn("commander", "@alice");
            assertEquals("WAR ROOM: Launch surge · severity SURGE · commander @alice", vm.previewProperty().get());
            assertFalse(vm.sendDisabledProperty().get());
            assertEquals("", vm.sendStateProperty().get());
            assertEquals("", palette.whyBlocked());

            vm.markSent();
            assertEquals(1, sent(db));
            assertEquals("WAR ROOM: Launch surge · severity SURGE · commander @alice",
                    db.read(tx -> tx.commsEntries(tx.activeCrisis().orElseThrow().id(), 10)).get(0).text());
        }
    }

    @Test
    void aSentMessageIsLockedAndRecordedAgainOnlyAfterConfirming() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (Database db = Database.open(dir.resolve("warroom"))) {
            new dev.warroom.crisis.CrisisService(db, clock, "alice").start("Launch surge",
                    dev.warroom.domain.metric.ScaleSeverity.SURGE, clock.instant(), "alice");
            Confirming dialogs = new Confirming();
            CommsViewModel vm = editor(db, clock, TaskRunner.immediate(), dialogs);
            vm.write(step(vm, "war-room"));
            vm.sourceProperty().set("Update on {{crisis_name}}");
            vm.markSent();
            assertEquals(1, sent(db), "one click, one record");
            assertTrue(vm.lockedProperty().get(), "the sent message is locked");
            assertEquals("Update on Launch surge", vm.previewProperty().get());
            assertTrue(vm.sendStateProperty().get().startsWith("Sent at 10:00"), vm.sendStateProperty().get());

            vm.markSent();
            assertEquals(1, dialogs.asked, "a second click asks first");
            assertEquals(1, sent(db), "declined: no second record");

            dialogs.yes = true;
            clock.advance(Duration.ofMinutes(1));
            vm.markSent();
            assertEquals(2, dialogs.asked);
            assertEquals(2, sent(db), "confirmed: recorded a second time");
            assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

            vm.write(step(vm, "status-page"));
            assertFalse(vm.lockedProperty().get(), "writing the next message unlocks the editor");
        }
    }

    @Test
    void aSecondClickWhileTheFirstIsOnItsWayRecordsNothing() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (Database db = Database.open(dir.resolve("warroom"))) {
            new dev.warroom.crisis.CrisisService(db, clock, "alice").start("Launch surge",
                    dev.warroom.domain.metric.ScaleSeverity.SURGE, clock.instant(), "alice");
            HeldTasks tasks = new HeldTasks();
            Confirming dialogs = new Confirming();
            dialogs.yes = true;
            CommsViewModel vm = editor(db, clock, tasks, dialogs);
            tasks.runAll();
            vm.write(step(vm, "war-room"));
            vm.sourceProperty().set("Update on {{crisis_name}}");
            tasks.runAll();
            assertFalse(vm.sendDisabledProperty().get(), vm.sendStateProperty().get());
            vm.markSent();
            assertTrue(vm.sendDisabledProperty().get(), "disabled while the send is on its way");
            vm.markSent();
            tasks.runAll();
            assertEquals(1, sent(db));
            assertEquals(0, dialogs.asked);
        }
    }

    /** An editor on a running crisis whose preview shows the time the values were read, and what it copied. */
    private record Timed(CommsViewModel vm, java.util.List<String> copied) {
    }

    private Timed timedEditor(Database db, MutableClock clock, TaskRunner tasks) {
        new dev.warroom.crisis.CrisisService(db, clock, "alice").start("Launch surge",
                dev.warroom.domain.metric.ScaleSeverity.SURGE, clock.instant(), "alice");
        java.util.List<String> copied = new java.util.ArrayList<>();
        CommsViewModel vm = new CommsViewModel(new CommsService(db, clock, "alice", CommsCadence.seedDefault(),
                LiveFigures.none(), ZoneOffset.UTC), new TemplateLibrary(null), new DisplayPreferences(db), tasks,
                new NoDialogs(), copied::add, () -> { }, ZoneOffset.UTC, false);
        vm.load();
        if (tasks instanceof HeldTasks held) {
            held.runAll(); // the templates are loaded before a channel is chosen, as on screen
        }
        vm.write(step(vm, "war-room"));
        vm.sourceProperty().set("{{crisis_name}} at {{now}}");
        return new Timed(vm, copied);
    }

    @Test
    void whileTheViewIsHiddenPollsReadTheValuesOnlyOnceAMinuteAndWhileShownEveryTime() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (Database db = Database.open(dir.resolve("warroom"))) {
            CommsViewModel vm = timedEditor(db, clock, TaskRunner.immediate()).vm();
            assertEquals("Launch surge at 10:00", vm.previewProperty().get());
            for (int i = 1; i < CommsViewModel.HIDDEN_VALUES_EVERY; i++) {
                clock.advance(Duration.ofSeconds(CommsViewModel.REFRESH_SECONDS));
                vm.poll();
                assertEquals("Launch surge at 10:00", vm.previewProperty().get(), "hidden: poll " + i
                        + " leaves the values");
            }
            clock.advance(Duration.ofSeconds(CommsViewModel.REFRESH_SECONDS));
            vm.poll();
            assertEquals("Launch surge at 10:01", vm.previewProperty().get(),
                    "the twelfth poll, a minute on, read the values");

            vm.setPreviewShown(true);
            clock.advance(Duration.ofMinutes(1));
            vm.poll();
            assertEquals("Launch surge at 10:02", vm.previewProperty().get(), "shown: every poll reads them");
            vm.setPreviewShown(false);
            clock.advance(Duration.ofMinutes(1));
            vm.poll();
            assertEquals("Launch surge at 10:02", vm.previewProperty().get(), "hidden again: the poll leaves them");
            vm.setPreviewShown(true);
            assertEquals("Launch surge at 10:03", vm.previewProperty().get(),
                    "coming on screen with stale values reads them at once");
        }
    }

    @Test
    void copyingWhileTheValuesAreStaleReadsThemFirst() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (Database db = Database.open(dir.resolve("warroom"))) {
            Timed t = timedEditor(db, clock, TaskRunner.immediate());
            clock.advance(Duration.ofMinutes(7));
            t.vm().poll();
            assertEquals("Launch surge at 10:00", t.vm().previewProperty().get(), "hidden: the preview is stale");
            t.vm().copy();
            assertEquals(java.util.List.of("Launch surge at 10:07"), t.copied(), "the copy has the values of now");
            assertEquals("Launch surge at 10:07", t.vm().previewProperty().get());
            t.vm().copy();
            assertEquals(2, t.copied().size(), "fresh values: the second copy is made at once");
        }
    }

    /**
     * A local file is this process's alone: while nothing was written since the last read, the regular poll reads
     * nothing (the countdowns still move on); a change written by any window of the app makes the next poll read.
     */
    @Test
    void aPollReadsTheDatabaseOnlyWhenSomethingWasWrittenSinceTheLastRead() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (Database db = Database.open(dir.resolve("warroom"))) {
            HeldTasks tasks = new HeldTasks();
            CommsViewModel vm = timedEditor(db, clock, tasks).vm();
            tasks.runAll(); // the editor's first read
            String next = vm.nextMessageProperty().get();
            int logged = vm.log().size();

            clock.advance(Duration.ofMinutes(1));
            vm.poll();
            assertTrue(tasks.held.isEmpty(), "nothing written since: no read");
            assertFalse(next.equals(vm.nextMessageProperty().get()), "the countdown moved on without a read: "
                    + vm.nextMessageProperty().get());

            // another window of the app (the same database) records a skipped update
            new CommsService(db, clock, "bob", CommsCadence.seedDefault(), LiveFigures.none(), ZoneOffset.UTC)
                    .skip("status-page", "Nothing new for customers");
            clock.advance(Duration.ofSeconds(CommsViewModel.REFRESH_SECONDS));
            vm.poll();
            assertEquals(1, tasks.held.size(), "a change was written: the poll reads");
            tasks.runAll();
            assertEquals(logged + 1, vm.log().size(), "the other window's entry is in the log");

            clock.advance(Duration.ofSeconds(CommsViewModel.REFRESH_SECONDS));
            vm.poll();
            assertTrue(tasks.held.isEmpty(), "read already: no second read");
        }
    }

    /** The values land, then a poll starts before the preview filled from them comes back: the copy still waits. */
    @Test
    void aPollBetweenTheValuesAndTheirPreviewMakesTheCopyReadThemAgain() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (Database db = Database.open(dir.resolve("warroom"))) {
            HeldTasks tasks = new HeldTasks();
            Timed t = timedEditor(db, clock, tasks);
            tasks.runAll();
            assertEquals("Launch surge at 10:00", t.vm().previewProperty().get());
            clock.advance(Duration.ofMinutes(3));
            t.vm().poll();
            tasks.runAll();
            t.vm().copy();
            assertTrue(t.copied().isEmpty(), "nothing copied before the values are read");
            tasks.held.removeFirst().run(); // the values land; the preview is being filled
            clock.advance(Duration.ofMinutes(2));
            t.vm().poll();
            tasks.runAll();
            assertEquals(java.util.List.of("Launch surge at 10:05"), t.copied(),
                    "copied once, from values read after the last poll");
        }
    }
}
