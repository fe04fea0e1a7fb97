package dev.warroom.testing;

import dev.warroom.ui.wall.WallDialogs;
import java.util.ArrayList;
import java.util.List;

/**
 * A person who backs out of every dialog and remembers every error shown. View-model tests extend
 * it and answer only the dialogs they are about.
 */
public class NoDialogs extends WallDialogs {
    public final List<String> errors;

    public NoDialogs() {
        this(new ArrayList<>());
    }

    private NoDialogs(List<String> errors) {
        super(errors::add);
        this.errors = errors;
    }
}
