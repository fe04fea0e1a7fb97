package dev.warroom.ui.plan;

import dev.warroom.domain.plan.OkrStatus;
import dev.warroom.ui.Form;
import dev.warroom.ui.FormParts;
import dev.warroom.ui.FormParts.Row;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;

/** Status and note of a key result measured by hand. */
public final class KeyResultDialog extends Form<KeyResultForm> {
    private final KeyResultForm initial;

    public KeyResultDialog(String keyResult, KeyResultForm initial, Function<KeyResultForm, String> validator) {
        super("Key result", keyResult, "key-result-dialog", "Save", "kr-save", validator);
        this.initial = initial;
    }

    public KeyResultForm initial() {
        return initial;
    }

    @Override
    public Fields<KeyResultForm> build() {
        ComboBox<OkrStatus> status = FormParts.choice("kr-status", new OkrStatus[] {OkrStatus.NOT_STARTED,
                OkrStatus.ON_TRACK, OkrStatus.AT_RISK, OkrStatus.OFF_TRACK, OkrStatus.DONE}, initial.status());
        TextField note = FormParts.field("kr-note", initial.note(),
                "What the status rests on, e.g. load test at 12k users");
        note.setPrefColumnCount(34);
        return new Fields<>(FormParts.grid(new Row("Status", status), new Row("Note", note)), note,
                () -> new KeyResultForm(status.getValue(), note.getText()), null);
    }
}
