package dev.warroom.ui.board;

import dev.warroom.ui.Form;
import dev.warroom.ui.FormParts;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Asks for the reason to override a refused WIP limit (the reason goes to the timeline). */
public final class OverrideReasonDialog extends Form<String> {
    private final String refusal;

    public OverrideReasonDialog(String refusal, Function<String, String> validator) {
        super("WIP limit reached", "WIP limit reached", "wip-refusal", "Override", "override-confirm", validator);
        this.refusal = refusal;
    }

    /** Why the move was refused. */
    public String refusal() {
        return refusal;
    }

    @Override
    public Fields<String> build() {
        Label message = new Label(refusal);
        message.setId("wip-refusal-message");
        message.setWrapText(true);
        TextField reason = FormParts.field("override-reason", "", "Why can this not wait? (recorded in the timeline)");
        VBox box = new VBox(10, message, new Label("To override, type a reason:"), reason);
        box.setPrefWidth(520);
        return new Fields<>(box, reason, () -> reason.getText().strip(), reason.textProperty().isEmpty());
    }
}
