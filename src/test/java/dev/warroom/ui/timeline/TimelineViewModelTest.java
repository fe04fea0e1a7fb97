package dev.warroom.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.ChecklistLoader;
import dev.warroom.crisis.DemoCrisis;
import dev.warroom.crisis.report.ReportService;
import dev.warroom.crisis.timeline.TimelineService;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import dev.warroom.testing.NoDialogs;
import dev.warroom.ui.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timeline's filters and the post-mortem export, without a toolkit. */
class TimelineViewModelTest {
    @TempDir
    Path dir;

    @Test
    void filtersByKindGroupPersonAndTextAndExportsThePostMortem() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (Database db = Database.open(dir.resolve("t"))) {
            new DemoCrisis(db, clock, "alice").load();
            Path target = dir.resolve("out").resolve("pm.html");
            Files.createDirectories(target.getParent());
            NoDialogs dialogs = new NoDialogs() {
                @Override
                public Optional<Path> chooseExportFile(String title, String suggestedName, String extension) {
                    assertTrue(suggestedName.startsWith("post-mortem-launch-day-signup-surge"), suggestedName);
                    return Optional.of(target);
                }
            };
            TimelineViewModel vm = new TimelineViewModel(new TimelineService(db, clock, "alice",
                    BoardPolicy.defaults()), TaskRunner.immediate(), dialogs, clock, ZoneOffset.UTC);
            vm.setReports(new ReportService(db, clock, ZoneOffset.UTC, ChecklistLoader.loadBuiltIn(), List.of()));
            vm.load();
            assertEquals(17, vm.entries().size(), "the demo's back-dated history, its start and its load");
            vm.kindGroupProperty().set("Board");
            assertEquals(16, vm.entries().size(),
                    "ten cards created, four moved on from Backlog, feature work paused, the demo loaded");
            vm.searchProperty().set("CDN");
            assertEquals(2, vm.entries().size(), "the CDN card created, then moved to Review");
            vm.searchProperty().set("");
            vm.kindGroupProperty().set("Crisis and roles");
            assertEquals(1, vm.entries().size());
            vm.personProperty().set("nobody");
            assertTrue(vm.entries().isEmpty());

            vm.exportReport();
            assertFalse(vm.reportRunningProperty().get());
            assertEquals(1.0, vm.reportProgressProperty().get());
            assertTrue(Files.size(target) > 1000);
            assertTrue(Files.exists(dir.resolve("out").resolve("pm.md")));
            String html = Files.readString(target);
            assertTrue(html.contains("Launch-day signup surge (demo)"));
        }
    }

    @Test
    void playFromTheEndStartsAgainAndTheListFollowsOnlyAtTheLiveEnd() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (Database db = Database.open(dir.resolve("p"))) {
            new DemoCrisis(db, clock, "alice").load();
            TimelineViewModel vm = new TimelineViewModel(new TimelineService(db, clock, "alice",
                    BoardPolicy.defaults()), TaskRunner.immediate(), new NoDialogs(), clock, ZoneOffset.UTC);
            vm.load();
            assertTrue(vm.atLiveEnd(), "replay opens at the live end");

            vm.togglePlay();
            assertTrue(vm.playingProperty().get());
            assertEquals(0.0, vm.positionProperty().get(), "playing from the end replays from the start");
            assertFalse(vm.atLiveEnd());

            vm.togglePlay();
            assertFalse(vm.playingProperty().get());
            vm.positionProperty().set(0.5);
            vm.togglePlay();
            assertEquals(0.5, vm.positionProperty().get(), "playing from the middle goes on from there");

            vm.positionProperty().set(0.9995);
            assertTrue(vm.atLiveEnd(), "a slider dragged to the end counts as live");
        }
    }

    @Test
    void aNewNoteIsRevealedEvenWhileAnotherEventIsSelected() {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        try (Database db = Database.open(dir.resolve("notes"))) {
            new DemoCrisis(db, clock, "alice").load();
            NoDialogs dialogs = new NoDialogs() {
                @Override
                public Optional<String> askText(String title, String message, String prompt, String confirmLabel,
                                                java.util.function.Function<String, String> validator) {
                    return Optional.of("Spike came from the partner API");
                }
            };
            TimelineViewModel vm = new TimelineViewModel(new TimelineService(db, clock, "alice",
                    BoardPolicy.defaults()), TaskRunner.immediate(), dialogs, clock, ZoneOffset.UTC);
            vm.load();
            vm.selectedProperty().set(vm.entries().get(0));
            assertEquals(null, vm.revealProperty().get());
            clock.advance(java.time.Duration.ofMinutes(1));
            vm.addNote(false);
            assertTrue(vm.revealProperty().get() != null, "the note is handed to the list to scroll to");
            assertTrue(vm.revealProperty().get().event().summary().contains("Spike came from the partner API"),
                    vm.revealProperty().get().event().summary());
            assertTrue(vm.entries().contains(vm.revealProperty().get()));
        }
    }
}
