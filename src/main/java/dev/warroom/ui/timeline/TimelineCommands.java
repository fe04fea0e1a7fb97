package dev.warroom.ui.timeline;

import dev.warroom.ui.Command;
import java.util.List;

/** The timeline's commands for the palette: add a note, write the post-mortem. */
public final class TimelineCommands {
    private TimelineCommands() {
    }

    public static List<Command> of(TimelineViewModel vm) {
        return List.of(
                Command.of("Add a note…", null, () -> vm.addNote(false)),
                Command.of("Post-mortem report…", null, vm::exportReport)
                        .blockedWhen(() -> vm.reportRunningProperty().get() ? "a post-mortem is being written" : ""));
    }
}
