package dev.warroom.ui.debt;

import dev.warroom.domain.debt.DebtStatus;
import dev.warroom.ui.Form;
import dev.warroom.ui.FormParts;
import dev.warroom.ui.FormParts.Row;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The scale-debt form, new or prefilled. */
public final class DebtDialog extends Form<DebtForm> {
    private final DebtForm initial;

    public DebtDialog(DebtForm initial, boolean isNew, Function<DebtForm, String> validator) {
        super(isNew ? "Log scale debt" : "Edit scale debt", isNew ? "Log scale debt" : "Edit scale debt",
                "debt-dialog", isNew ? "Log debt" : "Save", "debt-save", validator);
        this.initial = initial;
    }

    public DebtForm initial() {
        return initial;
    }

    @Override
    public Fields<DebtForm> build() {
        ComboBox<String> area = new ComboBox<>();
        area.setId("debt-area");
        area.setEditable(true);
        area.getItems().setAll("Database", "Cache", "CDN", "Monitoring", "Queue", "Auth", "Infrastructure");
        area.getEditor().setText(initial.area());
        area.setPromptText("Database, Cache, CDN, Monitoring …");
        TextField shortcut = FormParts.field("debt-shortcut", initial.shortcut(),
                "What was done quickly, e.g. pool size hard-coded");
        shortcut.setPrefColumnCount(34);
        TextArea reason = FormParts.area("debt-reason", initial.reason(), "Why it was the right call at the time");
        TextField owner = FormParts.field("debt-owner", initial.owner(), "@alice");
        ComboBox<String> week = new ComboBox<>();
        week.setId("debt-week");
        week.setEditable(true);
        week.getItems().setAll("1", "2", "3", "4");
        week.getEditor().setText(initial.week());
        ComboBox<DebtStatus> status = FormParts.choice("debt-status", DebtStatus.values(), initial.status());
        GridPane grid = FormParts.grid(new Row("Area", area), new Row("Shortcut", shortcut), new Row("Why", reason),
                new Row("Owner", owner), new Row("Fix by week", week), new Row("Status", status));
        return new Fields<>(grid, area, () -> new DebtForm(area.getEditor().getText(), shortcut.getText(),
                reason.getText(), owner.getText(), week.getEditor().getText(), status.getValue()), null);
    }
}
