package dev.warroom.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * How every dialog and secondary window answers the keyboard: typing starts in the field the form names,
 * Esc closes, Ctrl+Enter submits, and Tab leaves a multi-line text area instead of typing a tab into it.
 */
public final class DialogKeys {
    private static final KeyCombination SUBMIT = KeyCombination.keyCombination("Shortcut+Enter");

    private DialogKeys() {
    }

    /**
     * Puts the focus on {@code field} once the dialog is on screen. Before that the dialog gives it to its
     * default button, where typing a space would press it.
     */
    public static void focusOnShown(Dialog<?> dialog, Node field) {
        if (field == null) {
            return;
        }
        dialog.setOnShown(e -> {
            field.requestFocus();
            // the dialog pane focuses its default button on its first layout pass, which may come later
            Platform.runLater(field::requestFocus);
        });
    }

    /** Ctrl+Enter (Cmd+Enter on a Mac) anywhere in the dialog presses {@code confirm}, as a click would. */
    public static void submitOnShortcutEnter(DialogPane pane, Button confirm) {
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SUBMIT.match(e)) {
                e.consume();
                if (!confirm.isDisabled()) {
                    confirm.fire();
                }
            }
        });
    }

    /**
     * Esc closes the dialog as its cancel button would; a dialog that only acknowledges (a single OK)
     * closes as if OK was pressed. JavaFX alone ignores Esc in a dialog without a cancel button.
     */
    public static void closeOnEscape(Dialog<?> dialog) {
        dialog.getDialogPane().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ESCAPE || e.isConsumed()) {
                return;
            }
            DialogPane pane = dialog.getDialogPane();
            Button target = null;
            for (ButtonType type : pane.getButtonTypes()) {
                if (pane.lookupButton(type) instanceof Button b && (b.isCancelButton()
                        || type.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE)) {
                    target = b;
                }
            }
            if (target == null && pane.getButtonTypes().size() == 1
                    && pane.lookupButton(pane.getButtonTypes().get(0)) instanceof Button only) {
                target = only;
            }
            if (target != null) {
                e.consume();
                target.fire();
            }
        });
    }

    /** Esc closes {@code stage} (a window of its own, such as a metric's chart). */
    public static void closeOnEscape(Stage stage) {
        stage.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed()) {
                e.consume();
                stage.close();
            }
        });
    }

    /**
     * Tab and Shift+Tab move the focus out of {@code area} to the next or previous control, as in a one-line
     * field, instead of typing a tab into the text (what was meant for the next field lands in this one).
     */
    public static void tabLeaves(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (leaves(area, e)) {
                e.consume();
            }
        });
    }

    /**
     * When {@code e} is a plain Tab or Shift+Tab pressed in {@code area}, moves the focus to the next or previous
     * control and returns true; JavaFX's text area would type a tab into the text instead.
     */
    public static boolean leaves(TextArea area, KeyEvent e) {
        if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return false;
        }
        // TextArea's own behaviour maps Ctrl+Tab / Ctrl+Shift+Tab to focus traversal
        area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
        return true;
    }
}
