package dev.warroom.ui.comms;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                        clock.instant(), ZoneOffset.UTC), dev.warroom.domain.Column.DONE);
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
}
