package dev.warroom.ui.board;

import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.ui.Form;
import dev.warroom.ui.FormParts;
import dev.warroom.ui.FormParts.Row;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The card form, new (with a column picker) or prefilled for editing. */
public final class CardDialog extends Form<CardForm> {
    private final CardForm initial;
    private final boolean isNew;

    private final java.util.List<String> handles;

    public CardDialog(CardForm initial, boolean isNew, Function<CardForm, String> validator) {
        this(initial, isNew, validator, java.util.List.of());
    }

    /** With {@code handles}: the people War Room knows, offered as the assignee is typed. */
    public CardDialog(CardForm initial, boolean isNew, Function<CardForm, String> validator,
                      java.util.List<String> handles) {
        super(isNew ? "New card" : "Edit card", isNew ? "New card" : "Edit card", "card-dialog",
                isNew ? "Add card" : "Save", "card-save", validator);
        this.initial = initial;
        this.isNew = isNew;
        this.handles = java.util.List.copyOf(handles);
    }

    /** The people offered while the assignee is typed. */
    public java.util.List<String> handles() {
        return handles;
    }

    public CardForm initial() {
        return initial;
    }

    public boolean isNew() {
        return isNew;
    }

    @Override
    public Fields<CardForm> build() {
        TextField titleField = FormParts.field("card-title", initial.title(),
                "What is broken or needed, e.g. Signup failing");
        titleField.setPrefColumnCount(32);
        TextArea description = FormParts.area("card-description", initial.description(), "");
        // an alert's card carries its labels, runbook and graph links and each resolution: room for them
        description.setPrefRowCount(8);
        ComboBox<CardKind> kind = FormParts.choice("card-kind", CardKind.values(), initial.kind());
        ComboBox<Priority> priority = FormParts.choice("card-priority", Priority.values(), initial.priority());
        TextField assignee = FormParts.field("card-assignee", initial.assignee(), "@alice");
        if (!handles.isEmpty()) {
            dev.warroom.ui.HandleCompletion.attach(assignee, () -> handles);
        }
        TextField eta = FormParts.field("card-eta", initial.eta(), "4h, 90m or 16:30");
        TextField status = FormParts.field("card-status", initial.status(), "Testing, ✓ Live …");
        TextField publicSummary = FormParts.field("card-public-summary", initial.publicSummary(),
                "Blank: never named to customers");
        ComboBox<Column> column = FormParts.choice("card-column", Column.values(), initial.column());
        GridPane grid = FormParts.grid(new Row("Title", titleField), new Row("Kind", kind),
                new Row("Priority", priority), new Row("Assignee", assignee), new Row("ETA", eta),
                new Row("Status", status), isNew ? new Row("Column", column) : null,
                new Row("Public summary", publicSummary), new Row("Description", description));
        return new Fields<>(grid, titleField, () -> new CardForm(titleField.getText(), description.getText(),
                kind.getValue(), priority.getValue(), assignee.getText(), eta.getText(), status.getText(),
                isNew ? column.getValue() : initial.column(), publicSummary.getText()), null);
    }
}
