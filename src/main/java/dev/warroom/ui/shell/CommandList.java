package dev.warroom.ui.shell;

import dev.warroom.ui.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.input.KeyEvent;

/**
 * Every command of the window in one list: the shell's own (views, wall, theme, crisis) and each view's.
 * The palette lists it; the shell's key filter looks a key press up in it, so a shortcut and the palette's
 * entry are the same thing. A view's shortcuts work while that view is on screen; the shell's always.
 */
public final class CommandList {
    /** A command and the view it belongs to (empty: the shell's, available from every view). */
    public record Entry(String view, Command command) {
        public boolean global() {
            return view.isEmpty();
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds the shell's own commands. */
    public CommandList global(List<Command> commands) {
        commands.forEach(c -> entries.add(new Entry("", c)));
        return this;
    }

    /** Adds {@code view}'s commands. */
    public CommandList view(String view, List<Command> commands) {
        commands.forEach(c -> entries.add(new Entry(view, c)));
        return this;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The command whose shortcut {@code e} is, among the shell's and those of the view on screen. */
    public Optional<Entry> forKey(KeyEvent e, String shownView) {
        for (Entry entry : entries) {
            if (entry.command().keys() != null && (entry.global() || entry.view().equals(shownView))
                    && entry.command().keys().match(e)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
