package dev.warroom.ui.crisis;

import dev.warroom.ui.TextLineForm;
import java.util.function.Function;

/** Who takes a crisis role (or takes it over from its current holder). */
public final class RoleHolderDialog extends TextLineForm {

    public RoleHolderDialog(String roleTitle, String current, Function<String, String> validator) {
        super(roleTitle, current == null ? "Who takes the role " + roleTitle + "?"
                        : roleTitle + " is held by " + current + ". Who takes over?", null,
                new Ids("role-dialog", "role-holder", "role-dialog-confirm"), "@name",
                current == null ? "Assign" : "Hand over", validator);
    }
}
