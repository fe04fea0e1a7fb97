package dev.warroom.ui;

import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.ui.board.CardForm;
import dev.warroom.ui.comms.SaveRequest;
import dev.warroom.ui.crisis.CrisisForm;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** JavaFX dialogs owned by the main window, styled by the current theme. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
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
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        prepare(alert, title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public Optional<String> askOverrideReason(String refusal, Function<String, String> validator) {
        Dialog<String> d = new Dialog<>();
        prepare(d, "WIP limit reached");
        d.setHeaderText("WIP limit reached");
        ButtonType override = new ButtonType("Override", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(override, ButtonType.CANCEL);
        d.getDialogPane().setId("wip-refusal");
        Label message = new Label(refusal);
        message.setId("wip-refusal-message");
        message.setWrapText(true);
        TextField reason = new TextField();
        reason.setId("override-reason");
        reason.setPromptText("Why can this not wait? (recorded in the timeline)");
        Label error = errorLabel();
        VBox box = new VBox(10, message, new Label("To override, type a reason:"), reason, error);
        box.setPrefWidth(520);
        d.getDialogPane().setContent(box);
        Node ok = d.getDialogPane().lookupButton(override);
        ok.setId("override-confirm");
        ok.disableProperty().bind(reason.textProperty().isEmpty());
        guard(ok, () -> validator.apply(reason.getText()), error);
        d.setResultConverter(b -> b == override ? reason.getText().strip() : null);
        reason.requestFocus();
        return d.showAndWait();
    }

    @Override
    public Optional<CardForm> editCard(CardForm initial, boolean isNew, Function<CardForm, String> validator) {
        Dialog<CardForm> d = new Dialog<>();
        String title = isNew ? "New card" : "Edit card";
        prepare(d, title);
        d.setHeaderText(title);
        d.getDialogPane().setId("card-dialog");
        ButtonType save = new ButtonType(isNew ? "Add card" : "Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);

        TextField titleField = field("card-title", initial.title(), "What is broken or needed, e.g. Signup failing");
        TextArea description = new TextArea(initial.description());
        description.setId("card-description");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        ComboBox<CardKind> kind = combo("card-kind", CardKind.values(), initial.kind());
        ComboBox<Priority> priority = combo("card-priority", Priority.values(), initial.priority());
        TextField assignee = field("card-assignee", initial.assignee(), "@alice");
        TextField eta = field("card-eta", initial.eta(), "4h, 90m or 16:30");
        TextField status = field("card-status", initial.status(), "Testing, ✓ Live …");
        ComboBox<Column> column = combo("card-column", Column.values(), initial.column());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(12);
        grid.setVgap(10);
        int row = 0;
        grid.addRow(row++, new Label("Title"), titleField);
        grid.addRow(row++, new Label("Kind"), kind);
        grid.addRow(row++, new Label("Priority"), priority);
        grid.addRow(row++, new Label("Assignee"), assignee);
        grid.addRow(row++, new Label("ETA"), eta);
        grid.addRow(row++, new Label("Status"), status);
        if (isNew) {
            grid.addRow(row++, new Label("Column"), column);
        }
        grid.addRow(row++, new Label("Description"), description);
        Label error = errorLabel();
        grid.add(error, 0, row, 2, 1);
        titleField.setPrefColumnCount(32);
        d.getDialogPane().setContent(grid);

        Supplier<CardForm> read = () -> new CardForm(titleField.getText(), description.getText(), kind.getValue(),
                priority.getValue(), assignee.getText(), eta.getText(), status.getText(),
                isNew ? column.getValue() : initial.column());
        Node ok = d.getDialogPane().lookupButton(save);
        ok.setId("card-save");
        guard(ok, () -> validator.apply(read.get()), error);
        d.setResultConverter(b -> b == save ? read.get() : null);
        titleField.requestFocus();
        return d.showAndWait();
    }

    @Override
    public Optional<String[]> startCrisis(Function<String[], String> validator) {
        Dialog<String[]> d = new Dialog<>();
        prepare(d, "Start a crisis");
        d.setHeaderText("Start a crisis");
        d.getDialogPane().setId("crisis-dialog");
        ButtonType start = new ButtonType("Start crisis", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(start, ButtonType.CANCEL);
        TextField name = field("crisis-name", "", "e.g. Launch-day signup surge");
        TextField when = field("crisis-start", "", "blank = now · 14:05 · 45m ago · 2026-11-23 14:05");
        name.setPrefColumnCount(30);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Started"), when);
        Label error = errorLabel();
        grid.add(error, 0, 2, 2, 1);
        d.getDialogPane().setContent(grid);
        Node ok = d.getDialogPane().lookupButton(start);
        ok.setId("crisis-confirm");
        guard(ok, () -> validator.apply(new String[] {name.getText(), when.getText()}), error);
        d.setResultConverter(b -> b == start ? new String[] {name.getText(), when.getText()} : null);
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

    private static TextField field(String id, String value, String prompt) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private static <T> ComboBox<T> combo(String id, T[] values, T selected) {
        ComboBox<T> c = new ComboBox<>();
        c.getItems().setAll(values);
        c.setValue(selected);
        c.setId(id);
        return c;
    }

    @Override
    public Optional<String[]> teamStatus(int stress, String eta, Function<String[], String> validator) {
        Dialog<String[]> d = new Dialog<>();
        prepare(d, "Team status");
        d.setHeaderText("Team status");
        d.getDialogPane().setId("team-dialog");
        ButtonType save = new ButtonType("Record", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        TextField stressField = field("team-stress", stress == 0 ? "" : Integer.toString(stress), "1 calm … 10 breaking");
        TextField etaField = field("team-eta", eta, "4h, 16:30 — blank: from the board");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Team stress"), stressField);
        grid.addRow(1, new Label("ETA to stable"), etaField);
        Label error = errorLabel();
        grid.add(error, 0, 2, 2, 1);
        d.getDialogPane().setContent(grid);
        Node ok = d.getDialogPane().lookupButton(save);
        ok.setId("team-save");
        guard(ok, () -> validator.apply(new String[] {stressField.getText(), etaField.getText()}), error);
        d.setResultConverter(b -> b == save ? new String[] {stressField.getText(), etaField.getText()} : null);
        return d.showAndWait();
    }

    // scale debt and plan (issue 6)

    @Override
    public Optional<dev.warroom.ui.debt.DebtForm> editDebt(dev.warroom.ui.debt.DebtForm initial, boolean isNew,
            Function<dev.warroom.ui.debt.DebtForm, String> validator) {
        Dialog<dev.warroom.ui.debt.DebtForm> d = new Dialog<>();
        String title = isNew ? "Log scale debt" : "Edit scale debt";
        prepare(d, title);
        d.setHeaderText(title);
        d.getDialogPane().setId("debt-dialog");
        ButtonType save = new ButtonType(isNew ? "Log debt" : "Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        ComboBox<String> area = new ComboBox<>();
        area.setId("debt-area");
        area.setEditable(true);
        area.getItems().setAll("Database", "Cache", "CDN", "Monitoring", "Queue", "Auth", "Infrastructure");
        area.getEditor().setText(initial.area());
        area.setPromptText("Database, Cache, CDN, Monitoring …");
        TextField shortcut = field("debt-shortcut", initial.shortcut(), "What was done quickly, e.g. pool size hard-coded");
        shortcut.setPrefColumnCount(34);
        TextArea reason = new TextArea(initial.reason());
        reason.setId("debt-reason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.setPromptText("Why it was the right call at the time");
        TextField owner = field("debt-owner", initial.owner(), "@alice");
        ComboBox<String> week = new ComboBox<>();
        week.setId("debt-week");
        week.setEditable(true);
        week.getItems().setAll("1", "2", "3", "4");
        week.getEditor().setText(initial.week());
        ComboBox<dev.warroom.domain.debt.DebtStatus> status = combo("debt-status",
                dev.warroom.domain.debt.DebtStatus.values(), initial.status());
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(12);
        grid.setVgap(10);
        int row = 0;
        grid.addRow(row++, new Label("Area"), area);
        grid.addRow(row++, new Label("Shortcut"), shortcut);
        grid.addRow(row++, new Label("Why"), reason);
        grid.addRow(row++, new Label("Owner"), owner);
        grid.addRow(row++, new Label("Fix by week"), week);
        grid.addRow(row++, new Label("Status"), status);
        Label error = errorLabel();
        grid.add(error, 0, row, 2, 1);
        d.getDialogPane().setContent(grid);
        Supplier<dev.warroom.ui.debt.DebtForm> read = () -> new dev.warroom.ui.debt.DebtForm(area.getEditor().getText(),
                shortcut.getText(), reason.getText(), owner.getText(), week.getEditor().getText(), status.getValue());
        Node ok = d.getDialogPane().lookupButton(save);
        ok.setId("debt-save");
        guard(ok, () -> validator.apply(read.get()), error);
        d.setResultConverter(b -> b == save ? read.get() : null);
        area.requestFocus();
        return d.showAndWait();
    }

    // crisis lifecycle and comms

    @Override
    public Optional<CrisisForm> startCrisisWithTeam(Function<CrisisForm, String> validator) {
        Dialog<CrisisForm> d = new Dialog<>();
        prepare(d, "Start a crisis");
        d.setHeaderText("Start a crisis");
        d.getDialogPane().setId("crisis-dialog");
        ButtonType start = new ButtonType("Start crisis", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(start, ButtonType.CANCEL);
        TextField name = field("crisis-name", "", "e.g. Launch-day signup surge");
        ComboBox<ScaleSeverity> severity = new ComboBox<>();
        severity.setId("crisis-severity");
        severity.getItems().setAll(ScaleSeverity.GROWTH, ScaleSeverity.SURGE, ScaleSeverity.VIRAL);
        severity.setPromptText("Not judged yet");
        TextField when = field("crisis-start", "", "blank = now · 14:05 · 45m ago · 2026-11-23 14:05");
        TextField commander = field("crisis-commander-input", "", "@name of the incident commander");
        name.setPrefColumnCount(30);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Severity"), severity);
        grid.addRow(2, new Label("Started"), when);
        grid.addRow(3, new Label("Commander"), commander);
        Label error = errorLabel();
        grid.add(error, 0, 4, 2, 1);
        d.getDialogPane().setContent(grid);
        Supplier<CrisisForm> read = () -> new CrisisForm(name.getText(), severity.getValue(), when.getText(),
                commander.getText());
        Node ok = d.getDialogPane().lookupButton(start);
        ok.setId("crisis-confirm");
        guard(ok, () -> validator.apply(read.get()), error);
        d.setResultConverter(b -> b == start ? read.get() : null);
        return d.showAndWait();
    }

    @Override
    public Optional<String> askText(String title, String message, String prompt, String confirmLabel,
                                    Function<String, String> validator) {
        Dialog<String> d = new Dialog<>();
        prepare(d, title);
        d.setHeaderText(title);
        d.getDialogPane().setId("text-dialog");
        ButtonType ok = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        Label text = new Label(message);
        text.setWrapText(true);
        TextField input = field("text-input", "", prompt);
        Label error = errorLabel();
        VBox box = new VBox(10, text, input, error);
        box.setPrefWidth(480);
        d.getDialogPane().setContent(box);
        Node button = d.getDialogPane().lookupButton(ok);
        button.setId("text-confirm");
        guard(button, () -> validator.apply(input.getText()), error);
        d.setResultConverter(b -> b == ok ? input.getText().strip() : null);
        input.requestFocus();
        return d.showAndWait();
    }

    @Override
    public Optional<dev.warroom.ui.plan.KeyResultForm> setKeyResult(String keyResult,
            dev.warroom.ui.plan.KeyResultForm initial, Function<dev.warroom.ui.plan.KeyResultForm, String> validator) {
        Dialog<dev.warroom.ui.plan.KeyResultForm> d = new Dialog<>();
        prepare(d, "Key result");
        d.setHeaderText(keyResult);
        d.getDialogPane().setId("key-result-dialog");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        ComboBox<dev.warroom.domain.plan.OkrStatus> status = combo("kr-status", new dev.warroom.domain.plan.OkrStatus[] {
                dev.warroom.domain.plan.OkrStatus.NOT_STARTED, dev.warroom.domain.plan.OkrStatus.ON_TRACK,
                dev.warroom.domain.plan.OkrStatus.AT_RISK, dev.warroom.domain.plan.OkrStatus.OFF_TRACK,
                dev.warroom.domain.plan.OkrStatus.DONE}, initial.status());
        TextField note = field("kr-note", initial.note(), "What the status rests on, e.g. load test at 12k users");
        note.setPrefColumnCount(34);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Status"), status);
        grid.addRow(1, new Label("Note"), note);
        Label error = errorLabel();
        grid.add(error, 0, 2, 2, 1);
        d.getDialogPane().setContent(grid);
        Supplier<dev.warroom.ui.plan.KeyResultForm> read = () -> new dev.warroom.ui.plan.KeyResultForm(status.getValue(),
                note.getText());
        Node ok = d.getDialogPane().lookupButton(save);
        ok.setId("kr-save");
        guard(ok, () -> validator.apply(read.get()), error);
        d.setResultConverter(b -> b == save ? read.get() : null);
        return d.showAndWait();
    }

    @Override
    public Optional<java.nio.file.Path> chooseExportFile(String title, String suggestedName, String extension) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("War Room — " + title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(extension.toUpperCase()
                + " file", "*." + extension));
        java.io.File f = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(java.io.File::toPath);
    }

    @Override
    public Optional<String> askSkipReason(String what, Function<String, String> validator) {
        return askText("Skip this update", "Skip the " + what + " update? The reason is kept in the record.",
                "skip-dialog", "skip-reason", "", "e.g. merged into the status page update", "Skip update", validator);
    }

    @Override
    public Optional<String> askRoleHolder(String roleTitle, String current, Function<String, String> validator) {
        String header = current == null ? "Who takes the role " + roleTitle + "?"
                : roleTitle + " is held by " + current + ". Who takes over?";
        return askText(roleTitle, header, "role-dialog", "role-holder", "", "@name", current == null ? "Assign"
                : "Hand over", validator);
    }

    @Override
    public Optional<SaveRequest> askSaveTarget(Path folder, String suggestedName) {
        Dialog<SaveRequest> d = new Dialog<>();
        prepare(d, "Save message");
        d.setHeaderText("Save the message to a file");
        d.getDialogPane().setId("save-dialog");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        TextField dir = field("save-folder", folder == null ? "" : folder.toString(), "Folder");
        dir.setPrefColumnCount(34);
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File start = new File(dir.getText());
            if (start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
            File picked = chooser.showDialog(d.getDialogPane().getScene().getWindow());
            if (picked != null) {
                dir.setText(picked.getAbsolutePath());
            }
        });
        TextField name = field("save-name", suggestedName, "file name");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label("Folder"), new HBox(8, dir, browse));
        grid.addRow(1, new Label("File name"), name);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().lookupButton(save).setId("save-confirm");
        d.setResultConverter(b -> {
            if (b != save) {
                return null;
            }
            try {
                return new SaveRequest(Path.of(dir.getText().strip()), name.getText());
            } catch (java.nio.file.InvalidPathException e) {
                return new SaveRequest(null, name.getText());
            }
        });
        return d.showAndWait();
    }

    private Optional<String> askText(String title, String header, String dialogId, String fieldId, String value,
                                     String prompt, String confirm, Function<String, String> validator) {
        Dialog<String> d = new Dialog<>();
        prepare(d, title);
        d.setHeaderText(header);
        d.getDialogPane().setId(dialogId);
        ButtonType ok = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        TextField text = field(fieldId, value, prompt);
        text.setPrefColumnCount(34);
        Label error = errorLabel();
        d.getDialogPane().setContent(new VBox(10, text, error));
        Node button = d.getDialogPane().lookupButton(ok);
        button.setId(dialogId + "-confirm");
        button.disableProperty().bind(text.textProperty().isEmpty());
        guard(button, () -> validator.apply(text.getText()), error);
        d.setResultConverter(b -> b == ok ? text.getText().strip() : null);
        text.requestFocus();
        return d.showAndWait();
    }

    @Override
    public Optional<java.util.Map<Column, String[]>> editLimits(java.util.Map<Column, String[]> current,
            Function<java.util.Map<Column, String[]>, String> validator) {
        Dialog<java.util.Map<Column, String[]>> d = new Dialog<>();
        prepare(d, "WIP limits and SLAs");
        d.setHeaderText("WIP limits and SLAs");
        d.getDialogPane().setId("limits-dialog");
        ButtonType save = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Column"), new Label("WIP limit"), new Label("SLA"));
        java.util.Map<Column, TextField[]> fields = new java.util.EnumMap<>(Column.class);
        int row = 1;
        for (Column c : Column.values()) {
            String[] now = current.getOrDefault(c, new String[] {"", ""});
            TextField wip = field("wip-" + c.name(), now[0], "no limit");
            TextField sla = field("sla-" + c.name(), now[1], "none (e.g. 1h, 45m)");
            wip.setPrefColumnCount(6);
            sla.setPrefColumnCount(10);
            fields.put(c, new TextField[] {wip, sla});
            grid.addRow(row++, new Label(c.title()), wip, sla);
        }
        Label hint = new Label("Changes are written to the timeline. A limit below the cards already in a column "
                + "keeps them there; new moves in are refused.");
        hint.setWrapText(true);
        hint.setMaxWidth(480);
        grid.add(hint, 0, row++, 3, 1);
        Label error = errorLabel();
        grid.add(error, 0, row, 3, 1);
        d.getDialogPane().setContent(grid);
        Supplier<java.util.Map<Column, String[]>> read = () -> {
            java.util.Map<Column, String[]> out = new java.util.EnumMap<>(Column.class);
            fields.forEach((c, f) -> out.put(c, new String[] {f[0].getText(), f[1].getText()}));
            return out;
        };
        Node ok = d.getDialogPane().lookupButton(save);
        ok.setId("limits-save");
        guard(ok, () -> validator.apply(read.get()), error);
        d.setResultConverter(b -> b == save ? read.get() : null);
        return d.showAndWait();
    }
}
