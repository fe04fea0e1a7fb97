package dev.warroom.ui;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** JavaFX dialogs owned by the main window, styled by the current theme. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final ExportChooser exports;

    /** Where an export goes: the system's save dialog, or (headless tests) a folder chosen in advance. */
    @FunctionalInterface
    public interface ExportChooser {
        Optional<java.nio.file.Path> choose(Window owner, String title, String suggestedName, String extension);
    }

    /** The system's save dialog. */
    public static final ExportChooser SAVE_DIALOG = FxDialogService::saveDialog;

    public FxDialogService(Supplier<Window> owner) {
        this(owner, SAVE_DIALOG);
    }

    public FxDialogService(Supplier<Window> owner, ExportChooser exports) {
        this.owner = owner;
        this.exports = exports;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("error-dialog");
        alert.showAndWait();
    }

    @Override
    public void showText(String title, String text) {
        javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(text);
        area.setId("full-text");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefSize(640, 360);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(area);
        alert.getDialogPane().setId("text-dialog");
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        prepare(alert, title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public <T> Optional<T> ask(Form<T> form) {
        Form.Fields<T> fields = form.build();
        Dialog<T> d = new Dialog<>();
        prepare(d, form.title());
        d.setHeaderText(form.header());
        d.getDialogPane().setId(form.id());
        ButtonType ok = new ButtonType(form.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        Label error = errorLabel();
        d.getDialogPane().setContent(new VBox(10, fields.content(), error));
        Node button = d.getDialogPane().lookupButton(ok);
        button.setId(form.confirmId());
        if (fields.okDisabledWhen() != null) {
            button.disableProperty().bind(fields.okDisabledWhen());
        }
        guard(button, () -> form.problemWith(fields.read().get()), error);
        recheckOnEdit(fields.content(), () -> form.problemWith(fields.read().get()), error);
        d.setResultConverter(b -> b == ok ? fields.read().get() : null);
        DialogKeys.submitOnShortcutEnter(d.getDialogPane(), (javafx.scene.control.Button) button);
        DialogKeys.focusOnShown(d, fields.focus());
        return d.showAndWait();
    }

    private void prepare(Dialog<?> dialog, String title) {
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
            if (w.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(w.getScene().getStylesheets());
            }
        }
        dialog.setTitle("War Room — " + title);
        dialog.setResizable(true);
        DialogKeys.closeOnEscape(dialog);
    }

    /** Keeps the dialog open and shows the problem when the validator rejects the input. */
    private static void guard(Node ok, Supplier<String> validation, Label error) {
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            String problem = validation.get();
            if (problem != null) {
                error.setText(problem);
                error.setVisible(true);
                error.setManaged(true);
                e.consume();
            }
        });
    }

    /**
     * Once a problem is shown, every edit checks again: the message goes away as soon as the input is acceptable
     * (a stale "Title is empty" under a typed title reads as a second problem) and follows the input otherwise.
     */
    private static void recheckOnEdit(Node content, Supplier<String> validation, Label error) {
        javafx.beans.InvalidationListener recheck = o -> {
            if (!error.isVisible()) {
                return;
            }
            String problem = validation.get();
            if (problem == null) {
                error.setVisible(false);
                error.setManaged(false);
            } else {
                error.setText(problem);
            }
        };
        for (Node n : content.lookupAll("*")) {
            if (n instanceof javafx.scene.control.TextInputControl text) {
                text.textProperty().addListener(recheck);
            } else if (n instanceof javafx.scene.control.ComboBoxBase<?> combo) {
                combo.valueProperty().addListener(recheck);
            } else if (n instanceof javafx.scene.control.CheckBox box) {
                box.selectedProperty().addListener(recheck);
            }
        }
    }

    private static Label errorLabel() {
        Label error = new Label();
        error.setId("dialog-error");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.setVisible(false);
        error.setManaged(false);
        return error;
    }

    @Override
    public Optional<java.nio.file.Path> chooseExportFile(String title, String suggestedName, String extension) {
        return exports.choose(owner.get(), title, suggestedName, extension);
    }

    private static Optional<java.nio.file.Path> saveDialog(Window owner, String title, String suggestedName,
                                                           String extension) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("War Room — " + title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(extension.toUpperCase()
                + " file", "*." + extension));
        java.io.File f = chooser.showSaveDialog(owner);
        return Optional.ofNullable(f).map(java.io.File::toPath);
    }
}
