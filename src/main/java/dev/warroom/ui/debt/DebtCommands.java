package dev.warroom.ui.debt;

import dev.warroom.ui.Command;
import java.util.List;

/** The debt log's commands for the palette. */
public final class DebtCommands {
    private DebtCommands() {
    }

    public static List<Command> of(DebtViewModel vm) {
        return List.of(
                Command.of("Log debt…", null, vm::add),
                Command.of("Edit the selected debt…", null, vm::edit)
                        .blockedWhen(() -> vm.mayEditProperty().get() ? "" : "no debt entry is selected"),
                Command.of("Export the debt log as Markdown…", null, () -> vm.export(true)),
                Command.of("Export the debt log as CSV…", null, () -> vm.export(false)));
    }
}
