package dev.warroom.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.ui.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/** Filtering, ranking, selection and unavailable commands of the palette, without a screen. */
class PaletteViewModelTest {
    private final AtomicBoolean paused = new AtomicBoolean(false);
    private final List<String> ran = new ArrayList<>();

    private CommandList commands() {
        return new CommandList()
                .global(List.of(
                        Command.of("Go to Board", KeyCombination.keyCombination("Shortcut+1"), () -> ran.add("board")),
                        Command.of("Switch theme (light / dark)", null, () -> ran.add("theme")),
                        Command.of("Wall display (open or close)", KeyCombination.keyCombination("F11"),
                                () -> ran.add("wall"))))
                .view("Board", List.of(
                        Command.of("New card…", KeyCombination.keyCombination("Shortcut+N"), () -> ran.add("new")),
                        Command.of("Pause feature work", null, () -> paused.set(true))
                                .blockedWhen(() -> paused.get() ? "no feature card is outside Done and Paused" : ""),
                        Command.of("Resume feature work", null, () -> paused.set(false))
                                .blockedWhen(() -> paused.get() ? "" : "no feature card is paused"),
                        Command.of("Move the focused card to Done", KeyCombination.keyCombination("Alt+Right"),
                                () -> ran.add("move"))))
                .view("Comms", List.of(Command.of("Mark as sent", null, () -> ran.add("sent"))))
                .view("Timeline", List.of(Command.of("Post-mortem report…", null, () -> ran.add("report"))));
    }

    private static List<String> names(PaletteViewModel vm) {
        return vm.matches().stream().map(PaletteViewModel.Match::name).toList();
    }

    @Test
    void withNothingTypedEveryCommandIsListedTheViewOnScreenFirstAndUnavailableLast() {
        PaletteViewModel vm = new PaletteViewModel(commands().entries(), "Comms");
        assertEquals(List.of("Mark as sent", "Go to Board", "Switch theme (light / dark)",
                "Wall display (open or close)", "New card…", "Pause feature work", "Move the focused card to Done",
                "Post-mortem report…", "Resume feature work"), names(vm));
        assertEquals(0, vm.selectedProperty().get());
    }

    @Test
    void aPrefixRanksBeforeAWordStartBeforeASubstringBeforeLettersInOrder() {
        PaletteViewModel vm = new PaletteViewModel(commands().entries(), "Board");
        vm.queryProperty().set("m");
        assertEquals(List.of("Move the focused card to Done", "Mark as sent"), names(vm).subList(0, 2),
                "names starting with the text come first, the view on screen's before the others");
        vm.queryProperty().set("card");
        assertEquals(List.of("New card…", "Move the focused card to Done"), names(vm),
                "a word starting with the text, and nothing that lacks it");
        vm.queryProperty().set("ark as");
        assertEquals(List.of("Mark as sent"), names(vm), "inside a word");
        vm.queryProperty().set("pfw");
        assertEquals(List.of("Pause feature work"), names(vm).subList(0, 1), "letters in order");
        vm.queryProperty().set("timeline post");
        assertEquals(List.of("Post-mortem report…"), names(vm), "every word may start a word of the name or its view");
        vm.queryProperty().set("zzz");
        assertEquals(List.of(), names(vm));
        assertEquals(-1, vm.selectedProperty().get());
        assertTrue(vm.choose().isEmpty());
        assertEquals("No command matches \"zzz\".", vm.messageProperty().get());
    }

    @Test
    void eachLineShowsItsShortcutAndView() {
        PaletteViewModel vm = new PaletteViewModel(commands().entries(), "Board");
        vm.queryProperty().set("new card");
        PaletteViewModel.Match m = vm.matches().get(0);
        assertEquals("Ctrl+N", m.keys());
        assertEquals("Board", m.view());
        vm.queryProperty().set("wall");
        assertEquals("F11", vm.matches().get(0).keys());
        vm.queryProperty().set("move");
        assertEquals("Alt+→", vm.matches().get(0).keys());
        vm.queryProperty().set("theme");
        assertEquals("", vm.matches().get(0).keys());
    }

    @Test
    void anUnavailableCommandIsListedWithItsReasonAndChoosingItSaysWhy() {
        PaletteViewModel vm = new PaletteViewModel(commands().entries(), "Board");
        vm.queryProperty().set("feature work");
        assertEquals(List.of("Pause feature work", "Resume feature work"), names(vm));
        PaletteViewModel.Match resume = vm.matches().get(1);
        assertFalse(resume.available());
        assertEquals("no feature card is paused", resume.blocked());
        vm.move(1);
        assertTrue(vm.choose().isEmpty(), "an unavailable command is not run");
        assertEquals("Resume feature work is not available: no feature card is paused", vm.messageProperty().get());

        vm.move(-1);
        CommandList.Entry pause = vm.choose().orElseThrow();
        pause.command().run().run();
        assertTrue(paused.get());
        assertEquals("", vm.messageProperty().get());
        vm.queryProperty().set("feature work ");
        assertEquals(List.of("Resume feature work", "Pause feature work"), names(vm),
                "availability is asked again on each keystroke: the one that can run now comes first");
    }

    @Test
    void theSelectionStaysInsideTheList() {
        PaletteViewModel vm = new PaletteViewModel(commands().entries(), "Board");
        vm.queryProperty().set("o");
        int size = vm.matches().size();
        vm.move(-5);
        assertEquals(0, vm.selectedProperty().get());
        vm.move(100);
        assertEquals(size - 1, vm.selectedProperty().get());
        vm.queryProperty().set("go");
        assertEquals(0, vm.selectedProperty().get(), "a new filter selects its best match");
    }
}
