package dev.warroom.ui.board;

import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.ui.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.input.KeyCombination;

/** The board's commands for the palette and its shortcuts (Ctrl+N, Ctrl+Z, Ctrl+F). */
final class BoardCommands {
    static final String NO_FOCUS = "no card has the focus: pick one on the board (Tab, then the arrow keys)";

    private BoardCommands() {
    }

    /**
     * @param focused     the card that has (or last had) the keyboard focus on the board
     * @param focusSearch puts the typing focus in the board's search field
     */
    static List<Command> of(BoardViewModel vm, Supplier<Optional<Card>> focused, Runnable focusSearch) {
        List<Command> all = new ArrayList<>();
        all.add(Command.of("New card…", KeyCombination.keyCombination("Shortcut+N"), () -> vm.newCard(Column.BACKLOG))
                .blockedWhen(() -> vm.readOnlyProperty().get() ? "the database is open read-only" : ""));
        all.add(Command.of("Undo", KeyCombination.keyCombination("Shortcut+Z"), vm::undo)
                .blockedWhen(() -> vm.undoLabelProperty().get().isEmpty() ? "nothing to undo" : ""));
        all.add(Command.of("Search cards", KeyCombination.keyCombination("Shortcut+F"), focusSearch));
        all.add(Command.of("Pause feature work", null, vm::pauseFeatureWork)
                .blockedWhen(() -> vm.mayPauseFeaturesProperty().get() ? ""
                        : "no feature card is outside Done and Paused"));
        all.add(Command.of("Resume feature work", null, vm::resumeFeatureWork)
                .blockedWhen(() -> vm.mayResumeFeaturesProperty().get() ? "" : "no feature card is paused"));
        for (Column c : Column.values()) {
            all.add(Command.of("Move the focused card to " + c.title(), null, () -> focused.get()
                            .ifPresent(card -> vm.move(card.id(), c, vm.board().column(c).size())))
                    .blockedWhen(() -> focused.get().map(card -> card.column() == c
                            ? "\"" + card.title() + "\" is already in " + c.title() : "").orElse(NO_FOCUS)));
        }
        all.add(Command.of("Edit the focused card…", null, () -> focused.get().ifPresent(card -> vm.edit(card.id())))
                .blockedWhen(() -> focused.get().isPresent() ? "" : NO_FOCUS));
        all.add(Command.of("WIP limits and SLAs…", null, vm::editLimits));
        return all;
    }
}
