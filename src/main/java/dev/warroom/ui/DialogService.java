package dev.warroom.ui;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every dialog the app shows goes through here, so views stay thin and tests can answer dialogs
 * without a screen. It knows no feature: each feature keeps its own {@link Form}s in its package.
 * Validators return an error message, or null when the input is acceptable; a form stays open until
 * its input is accepted or the person cancels.
 */
public interface DialogService {

    void showError(String title, String message);

    /** Shows a long text (e.g. a source's full failure message) to read and copy; nothing to decide. */
    default void showText(String title, String text) {
        showError(title, text);
    }

    boolean confirm(String title, String message, String confirmLabel);

    /** Shows {@code form}; the value read from its fields once accepted, empty when the person backs off. */
    <T> Optional<T> ask(Form<T> form);

    /** Asks for one line of text (a sign-off name, a rationale); empty when the person backs off. */
    default Optional<String> askText(String title, String message, String prompt, String confirmLabel,
                                     Function<String, String> validator) {
        return ask(new TextLineForm(title, title, message, new TextLineForm.Ids("text-dialog", "text-input",
                "text-confirm"), prompt, confirmLabel, validator));
    }

    /** Where to save an export; empty when cancelled. Overwriting is confirmed separately by the caller. */
    Optional<Path> chooseExportFile(String title, String suggestedName, String extension);
}
