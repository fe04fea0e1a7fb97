package dev.warroom.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.control.TextField;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

/**
 * Completes a person's handle in a text field from the handles War Room has seen (role holders, card
 * assignees, people in the record): typing "al" offers "@alice". The list is read in the background by the
 * view model beforehand; completing only filters it.
 */
public final class HandleCompletion {
    /** The most suggestions shown at once. */
    static final int MAX = 8;

    private HandleCompletion() {
    }

    /** Offers completions from {@code handles} (read at every keystroke, so it may change) in {@code field}. */
    public static AutoCompletionBinding<String> attach(TextField field, Supplier<? extends Collection<String>> handles) {
        AutoCompletionBinding<String> binding = TextFields.bindAutoCompletion(field,
                request -> matches(handles.get(), request.getUserText()));
        binding.setVisibleRowCount(MAX);
        binding.getAutoCompletionPopup().getStyleClass().add("handle-completion");
        return binding;
    }

    /** "@alice" for every known handle that starts with what is typed (an "@" or not), the exact one left out. */
    public static List<String> matches(Collection<String> handles, String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.startsWith("@")) {
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return List.of();
        }
        String prefix = t.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String h : handles) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith(prefix) && !lower.equals(prefix) && out.size() < MAX) {
                out.add("@" + h);
            }
        }
        return out;
    }
}
