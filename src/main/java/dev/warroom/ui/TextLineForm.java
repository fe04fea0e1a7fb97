package dev.warroom.ui;

import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** One line of text (a reason, a name), with an optional message above it; empty input cannot be confirmed. */
public class TextLineForm extends Form<String> {
    private final String message;
    private final String fieldId;
    private final String prompt;

    /**
     * @param message shown above the field, or null
     * @param ids     the dialog's, the field's and the confirm button's node ids
     */
    public TextLineForm(String title, String header, String message, Ids ids, String prompt, String confirmLabel,
                        Function<String, String> validator) {
        super(title, header, ids.dialog(), confirmLabel, ids.confirm(), validator);
        this.message = message;
        this.fieldId = ids.field();
        this.prompt = prompt;
    }

    /** Node ids of the dialog, its text field and its confirm button. */
    public record Ids(String dialog, String field, String confirm) {
    }

    public String message() {
        return message;
    }

    /** Adds to the field (e.g. completion) once it is built; nothing by default. */
    protected void decorate(TextField field) {
    }

    @Override
    public Fields<String> build() {
        TextField text = FormParts.field(fieldId, "", prompt);
        text.setPrefColumnCount(34);
        VBox box = new VBox(10);
        if (message != null) {
            Label m = new Label(message);
            m.setWrapText(true);
            m.setMaxWidth(480);
            box.getChildren().add(m);
        }
        box.getChildren().add(text);
        decorate(text);
        return new Fields<>(box, text, () -> text.getText().strip(), text.textProperty().isEmpty());
    }
}
