package dev.warroom.ui.comms;

import dev.warroom.domain.comms.DueMessage;
import dev.warroom.domain.comms.DueState;
import dev.warroom.ui.Command;
import java.util.List;
import java.util.Optional;

/** The comms view's commands for the palette: write the message that is due, mark as sent, copy, save. */
public final class CommsCommands {
    private CommsCommands() {
    }

    public static List<Command> of(CommsViewModel vm) {
        return List.of(
                Command.of("Write the due message", null, () -> due(vm).ifPresent(d -> vm.write(d.step())))
                        .blockedWhen(() -> noCrisis(vm).isEmpty() && due(vm).isEmpty() ? "no message is due now"
                                : noCrisis(vm)),
                Command.of("Mark as sent", null, vm::markSent).blockedWhen(() -> sendBlocked(vm)),
                Command.of("Copy the message", null, vm::copy),
                Command.of("Save the message to a file…", null, vm::save));
    }

    /** The most pressing message of the schedule: an overdue one first, then one that is due. */
    static Optional<DueMessage> due(CommsViewModel vm) {
        Optional<DueMessage> overdue = vm.schedule().stream().filter(d -> d.state() == DueState.OVERDUE).findFirst();
        return overdue.isPresent() ? overdue
                : vm.schedule().stream().filter(d -> d.state() == DueState.DUE).findFirst();
    }

    /**
     * The button's own rule (the reason shown beside *Mark as sent*); a sent, locked message may be sent again
     * after confirming, as with the button.
     */
    private static String sendBlocked(CommsViewModel vm) {
        return vm.sendDisabledProperty().get() ? vm.sendStateProperty().get() : "";
    }

    /** Messages belong to the active crisis. */
    private static String noCrisis(CommsViewModel vm) {
        return Boolean.TRUE.equals(vm.crisisActiveProperty().get()) ? "" : "no crisis is active";
    }
}
