package dev.warroom.ui.crisis;

import dev.warroom.ui.Form;
import dev.warroom.ui.FormParts;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** "Your name or handle", prefilled (the operating-system user at first start, else the name in use); Enter saves. */
public final class ActorNameDialog extends Form<String> {
    private final String initial;

    public ActorNameDialog(String initial, Function<String, String> validator) {
        super("Your name or handle", "Who is at this keyboard?", "actor-dialog", "Save", "actor-save", validator);
        this.initial = initial == null ? "" : initial;
    }

    /** What the field starts with. */
    public String initial() {
        return initial;
    }

    @Override
    public Fields<String> build() {
        TextField name = FormParts.field("actor-input", initial, "e.g. alice");
        name.setPrefColumnCount(24);
        name.selectAll();
        Label why = new Label("Everything you change is recorded under this name in the timeline and the "
                + "post-mortem. You can change it later in the Crisis view.");
        why.setWrapText(true);
        why.setMaxWidth(420);
        return new Fields<>(new VBox(10, why, name), name, () -> name.getText().strip(), name.textProperty().isEmpty());
    }
}
