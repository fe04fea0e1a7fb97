package dev.warroom.ui;

import java.util.function.Supplier;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * One thing a person can do, by name: what the command palette lists and runs and what a shortcut
 * triggers, from the same entry. {@code blocked} says why it cannot run now (empty when it can); it reads
 * the same view-model state that greys out the button doing the same thing.
 *
 * @param name    what the palette shows, in the crisis's words ("Pause feature work")
 * @param keys    its shortcut, or null
 * @param blocked why it is unavailable right now, or an empty text when it is available
 * @param run     does it (FX thread); dialogs it needs it opens itself
 */
public record Command(String name, KeyCombination keys, Supplier<String> blocked, Runnable run) {
    private static final Supplier<String> ALWAYS = () -> "";

    public Command {
        if (name == null || name.isBlank() || run == null) {
            throw new IllegalArgumentException("a command needs a name and something to run");
        }
        blocked = blocked == null ? ALWAYS : blocked;
    }

    /** A command that is always available. */
    public static Command of(String name, KeyCombination keys, Runnable run) {
        return new Command(name, keys, ALWAYS, run);
    }

    /** The same command, unavailable whenever {@code reason} gives a non-empty text. */
    public Command blockedWhen(Supplier<String> reason) {
        return new Command(name, keys, reason, run);
    }

    /** Why it cannot run now; empty when it can. */
    public String whyBlocked() {
        String why = blocked.get();
        return why == null ? "" : why;
    }

    public boolean available() {
        return whyBlocked().isEmpty();
    }

    /** The shortcut as a person reads it ("Ctrl+N", "Alt+Right", "F11"); empty without one. */
    public String keysText() {
        if (keys == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        if (keys.getControl() == KeyCombination.ModifierValue.DOWN
                || keys.getShortcut() == KeyCombination.ModifierValue.DOWN) {
            s.append("Ctrl+");
        }
        if (keys.getAlt() == KeyCombination.ModifierValue.DOWN) {
            s.append("Alt+");
        }
        if (keys.getShift() == KeyCombination.ModifierValue.DOWN) {
            s.append("Shift+");
        }
        if (keys instanceof KeyCodeCombination code) {
            KeyCode k = code.getCode();
            s.append(switch (k) {
                case LEFT -> "←";
                case RIGHT -> "→";
                case UP -> "↑";
                case DOWN -> "↓";
                default -> k.getName();
            });
        } else {
            s.append(keys.getName());
        }
        return s.toString();
    }
}
