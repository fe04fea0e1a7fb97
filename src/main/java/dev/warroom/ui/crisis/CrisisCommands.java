package dev.warroom.ui.crisis;

import dev.warroom.domain.CrisisRole;
import dev.warroom.ui.Command;
import java.util.ArrayList;
import java.util.List;

/** The crisis view's commands for the palette: declare stable, assign each role. */
public final class CrisisCommands {
    private CrisisCommands() {
    }

    public static List<Command> of(CrisisViewModel vm) {
        List<Command> all = new ArrayList<>();
        all.add(Command.of("Declare stable…", null, vm::declareStable).blockedWhen(() -> noCrisis(vm)));
        for (CrisisRole r : vm.roles()) {
            all.add(Command.of("Assign the " + r.title().toLowerCase(java.util.Locale.ROOT) + "…", null,
                    () -> vm.assign(r)).blockedWhen(() -> noCrisis(vm)));
        }
        return all;
    }

    /** The same rule that greys out the view's buttons: they act on the active crisis. */
    private static String noCrisis(CrisisViewModel vm) {
        return vm.activeProperty().get() == null ? "no crisis is active" : "";
    }
}
