package dev.warroom.ui.crisis;

import dev.warroom.ui.TextLineForm;
import java.util.function.Function;

/** Who takes a crisis role (or takes it over from its current holder). */
public final class RoleHolderDialog extends TextLineForm {

    private final java.util.List<String> handles;

    public RoleHolderDialog(String roleTitle, String current, Function<String, String> validator) {
        this(roleTitle, current, validator, java.util.List.of());
    }

    /** With {@code handles}: the people War Room knows, offered as the name is typed. */
    public RoleHolderDialog(String roleTitle, String current, Function<String, String> validator,
                            java.util.List<String> handles) {
        super(roleTitle, current == null ? "Who takes the role " + roleTitle + "?"
                        : roleTitle + " is held by " + current + ". Who takes over?", null,
                new Ids("role-dialog", "role-holder", "role-dialog-confirm"), "@name",
                current == null ? "Assign" : "Hand over", validator);
        this.handles = java.util.List.copyOf(handles);
    }

    /** The people offered while typing. */
    public java.util.List<String> handles() {
        return handles;
    }

    @Override
    protected void decorate(javafx.scene.control.TextField field) {
        if (!handles.isEmpty()) {
            dev.warroom.ui.HandleCompletion.attach(field, () -> handles);
        }
    }
}
