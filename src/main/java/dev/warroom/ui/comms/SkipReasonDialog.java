package dev.warroom.ui.comms;

import dev.warroom.ui.TextLineForm;
import java.util.function.Function;

/** Why a due message is skipped (kept in the record). */
public final class SkipReasonDialog extends TextLineForm {

    public SkipReasonDialog(String what, Function<String, String> validator) {
        super("Skip this update", "Skip the " + what + " update? The reason is kept in the record.", null,
                new Ids("skip-dialog", "skip-reason", "skip-dialog-confirm"), "e.g. merged into the status page update",
                "Skip update", validator);
    }
}
