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
    public Optional<String> askOverrideReason(String refusal, Function<String, String> validator) {
        Label message = new Label(refusal);
        message.setId("wip-refusal-message");
        message.setWrapText(true);
        TextField reason = field("override-reason", "", "Why can this not wait? (recorded in the timeline)");
        VBox box = new VBox(10, message, new Label("To override, type a reason:"), reason);
        box.setPrefWidth(520);
        return form("WIP limit reached", "WIP limit reached", "wip-refusal", "Override", "override-confirm", box,
                reason, () -> reason.getText().strip(), validator, reason.textProperty().isEmpty());
    }

    @Override
    public Optional<CardForm> editCard(CardForm initial, boolean isNew, Function<CardForm, String> validator) {
        TextField titleField = field("card-title", initial.title(), "What is broken or needed, e.g. Signup failing");
        titleField.setPrefColumnCount(32);
        TextArea description = area("card-description", initial.description(), "");
        ComboBox<CardKind> kind = combo("card-kind", CardKind.values(), initial.kind());
        ComboBox<Priority> priority = combo("card-priority", Priority.values(), initial.priority());
        TextField assignee = field("card-assignee", initial.assignee(), "@alice");
        TextField eta = field("card-eta", initial.eta(), "4h, 90m or 16:30");
        TextField status = field("card-status", initial.status(), "Testing, ✓ Live …");
        ComboBox<Column> column = combo("card-column", Column.values(), initial.column());
        GridPane grid = grid(new Row("Title", titleField), new Row("Kind", kind), new Row("Priority", priority),
                new Row("Assignee", assignee), new Row("ETA", eta), new Row("Status", status),
                isNew ? new Row("Column", column) : null, new Row("Description", description));
        Supplier<CardForm> read = () -> new CardForm(titleField.getText(), description.getText(), kind.getValue(),
                priority.getValue(), assignee.getText(), eta.getText(), status.getText(),
                isNew ? column.getValue() : initial.column());
        String title = isNew ? "New card" : "Edit card";
        return form(title, title, "card-dialog", isNew ? "Add card" : "Save", "card-save", grid, titleField, read,
                validator, null);
    }


    /** One row of a form: its label and its field. */
    private record Row(String label, Node field) {
    }

    /**
     * Shows a form dialog: {@code content} above an error line, OK labelled {@code okLabel} (id
     * {@code okId}) that closes only when the validator accepts what {@code read} returns, and Cancel.
     *
     * @param okDisabledWhen while true OK is greyed out (null: always enabled)
     */
    private <T> Optional<T> form(String title, String header, String dialogId, String okLabel, String okId,
                                 Node content, Node focus, Supplier<T> read, Function<? super T, String> validator,
                                 javafx.beans.value.ObservableBooleanValue okDisabledWhen) {
        Dialog<T> d = new Dialog<>();
        prepare(d, title);
        d.setHeaderText(header);
        d.getDialogPane().setId(dialogId);
        ButtonType ok = new ButtonType(okLabel, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        Label error = errorLabel();
        d.getDialogPane().setContent(new VBox(10, content, error));
        Node button = d.getDialogPane().lookupButton(ok);
        button.setId(okId);
        if (okDisabledWhen != null) {
            button.disableProperty().bind(okDisabledWhen);
        }
        guard(button, () -> validator.apply(read.get()), error);
        d.setResultConverter(b -> b == ok ? read.get() : null);
        if (focus != null) {
            focus.requestFocus();
        }
        return d.showAndWait();
    }

    private static GridPane grid(Row... rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(12);
        grid.setVgap(10);
        int r = 0;
        for (Row row : rows) {
            if (row != null) {
                Label label = new Label(row.label());
                label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                grid.addRow(r++, label, row.field());
            }
        }
        return grid;
    }

    /** A single line of text: {@code message} (may be null) above the field; empty input cannot be confirmed. */
    private Optional<String> askLine(String title, String header, String message, String dialogId, String fieldId,
                                     String okId, String value, String prompt, String confirm,
                                     Function<String, String> validator) {
        TextField text = field(fieldId, value, prompt);
        text.setPrefColumnCount(34);
        VBox box = new VBox(10);
        if (message != null) {
            Label m = new Label(message);
            m.setWrapText(true);
            m.setMaxWidth(480);
            box.getChildren().add(m);
        }
        box.getChildren().add(text);
        return form(title, header, dialogId, confirm, okId, box, text, () -> text.getText().strip(), validator,
                text.textProperty().isEmpty());
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

    private static TextArea area(String id, String value, String prompt) {
        TextArea a = new TextArea(value);
        a.setId(id);
        a.setPrefRowCount(3);
        a.setWrapText(true);
        a.setPromptText(prompt);
        return a;
    }

    private static <T> ComboBox<T> combo(String id, T[] values, T selected) {
        ComboBox<T> c = new ComboBox<>();
        c.getItems().setAll(values);
        c.setValue(selected);
        c.setId(id);
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                if (value instanceof Enum<?> e) {
                    String words = e.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
                    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
                }
                return value == null ? "" : value.toString();
            }

            @Override
            public T fromString(String text) {
                return c.getValue();
            }
        });
        return c;
    }

    @Override
    public Optional<String[]> teamStatus(int stress, String eta, Function<String[], String> validator) {
        TextField stressField = field("team-stress", stress == 0 ? "" : Integer.toString(stress), "1 calm … 10 breaking");
        TextField etaField = field("team-eta", eta, "4h, 16:30 — blank: from the board");
        return form("Team status", "Team status", "team-dialog", "Record", "team-save",
                grid(new Row("Team stress", stressField), new Row("ETA to stable", etaField)), stressField,
                () -> new String[] {stressField.getText(), etaField.getText()}, validator, null);
    }

    // scale debt and plan (issue 6)

    @Override
    public Optional<dev.warroom.ui.debt.DebtForm> editDebt(dev.warroom.ui.debt.DebtForm initial, boolean isNew,
            Function<dev.warroom.ui.debt.DebtForm, String> validator) {
        ComboBox<String> area = new ComboBox<>();
        area.setId("debt-area");
        area.setEditable(true);
        area.getItems().setAll("Database", "Cache", "CDN", "Monitoring", "Queue", "Auth", "Infrastructure");
        area.getEditor().setText(initial.area());
        area.setPromptText("Database, Cache, CDN, Monitoring …");
        TextField shortcut = field("debt-shortcut", initial.shortcut(), "What was done quickly, e.g. pool size hard-coded");
        shortcut.setPrefColumnCount(34);
        TextArea reason = area("debt-reason", initial.reason(), "Why it was the right call at the time");
        TextField owner = field("debt-owner", initial.owner(), "@alice");
        ComboBox<String> week = new ComboBox<>();
        week.setId("debt-week");
        week.setEditable(true);
        week.getItems().setAll("1", "2", "3", "4");
        week.getEditor().setText(initial.week());
        ComboBox<dev.warroom.domain.debt.DebtStatus> status = combo("debt-status",
                dev.warroom.domain.debt.DebtStatus.values(), initial.status());
        GridPane grid = grid(new Row("Area", area), new Row("Shortcut", shortcut), new Row("Why", reason),
                new Row("Owner", owner), new Row("Fix by week", week), new Row("Status", status));
        String title = isNew ? "Log scale debt" : "Edit scale debt";
        return form(title, title, "debt-dialog", isNew ? "Log debt" : "Save", "debt-save", grid, area,
                () -> new dev.warroom.ui.debt.DebtForm(area.getEditor().getText(), shortcut.getText(), reason.getText(),
                        owner.getText(), week.getEditor().getText(), status.getValue()), validator, null);
    }

    // crisis lifecycle and comms

    @Override
    public Optional<CrisisForm> startCrisisWithTeam(Function<CrisisForm, String> validator) {
        TextField name = field("crisis-name", "", "e.g. Launch-day signup surge");
        name.setPrefColumnCount(30);
        ComboBox<ScaleSeverity> severity = new ComboBox<>();
        severity.setId("crisis-severity");
        severity.getItems().setAll(ScaleSeverity.GROWTH, ScaleSeverity.SURGE, ScaleSeverity.VIRAL);
        severity.setPromptText("Not judged yet");
        TextField when = field("crisis-start", "", "blank = now · 14:05 · 45m ago · 2026-11-23 14:05");
        TextField commander = field("crisis-commander-input", "", "@name of the incident commander");
        GridPane grid = grid(new Row("Name", name), new Row("Severity", severity), new Row("Started", when),
                new Row("Commander", commander));
        return form("Start a crisis", "Start a crisis", "crisis-dialog", "Start crisis", "crisis-confirm", grid, name,
                () -> new CrisisForm(name.getText(), severity.getValue(), when.getText(), commander.getText()),
                validator, null);
    }

    @Override
    public Optional<String> askText(String title, String message, String prompt, String confirmLabel,
                                    Function<String, String> validator) {
        return askLine(title, title, message, "text-dialog", "text-input", "text-confirm", "", prompt, confirmLabel,
                validator);
    }

    @Override
    public Optional<dev.warroom.ui.plan.KeyResultForm> setKeyResult(String keyResult,
            dev.warroom.ui.plan.KeyResultForm initial, Function<dev.warroom.ui.plan.KeyResultForm, String> validator) {
        ComboBox<dev.warroom.domain.plan.OkrStatus> status = combo("kr-status", new dev.warroom.domain.plan.OkrStatus[] {
                dev.warroom.domain.plan.OkrStatus.NOT_STARTED, dev.warroom.domain.plan.OkrStatus.ON_TRACK,
                dev.warroom.domain.plan.OkrStatus.AT_RISK, dev.warroom.domain.plan.OkrStatus.OFF_TRACK,
                dev.warroom.domain.plan.OkrStatus.DONE}, initial.status());
        TextField note = field("kr-note", initial.note(), "What the status rests on, e.g. load test at 12k users");
        note.setPrefColumnCount(34);
        return form("Key result", keyResult, "key-result-dialog", "Save", "kr-save",
                grid(new Row("Status", status), new Row("Note", note)), note,
                () -> new dev.warroom.ui.plan.KeyResultForm(status.getValue(), note.getText()), validator, null);
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
        return askLine("Skip this update", "Skip the " + what + " update? The reason is kept in the record.", null,
                "skip-dialog", "skip-reason", "skip-dialog-confirm", "", "e.g. merged into the status page update",
                "Skip update", validator);
    }

    @Override
    public Optional<String> askRoleHolder(String roleTitle, String current, Function<String, String> validator) {
        String header = current == null ? "Who takes the role " + roleTitle + "?"
                : roleTitle + " is held by " + current + ". Who takes over?";
        return askLine(roleTitle, header, null, "role-dialog", "role-holder", "role-dialog-confirm", "", "@name",
                current == null ? "Assign" : "Hand over", validator);
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


    @Override
    public Optional<java.util.Map<Column, String[]>> editLimits(java.util.Map<Column, String[]> current,
            Function<java.util.Map<Column, String[]>, String> validator) {
        GridPane grid = grid();
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
        grid.add(hint, 0, row, 3, 1);
        return form("WIP limits and SLAs", "WIP limits and SLAs", "limits-dialog", "Apply", "limits-save", grid, null,
                () -> {
                    java.util.Map<Column, String[]> out = new java.util.EnumMap<>(Column.class);
                    fields.forEach((c, f) -> out.put(c, new String[] {f[0].getText(), f[1].getText()}));
                    return out;
                }, validator, null);
    }
}
