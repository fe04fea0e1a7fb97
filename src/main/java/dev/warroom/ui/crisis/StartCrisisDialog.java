package dev.warroom.ui.crisis;

import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.ui.Form;
import dev.warroom.ui.FormParts;
import dev.warroom.ui.FormParts.Row;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Name, scale severity, start time and incident commander of a new crisis. */
public final class StartCrisisDialog extends Form<CrisisForm> {

    private final ScaleSeverity preset;

    public StartCrisisDialog(Function<CrisisForm, String> validator) {
        this(validator, null);
    }

    /** With {@code preset} chosen as the severity (the level a detection offered), or none when null. */
    public StartCrisisDialog(Function<CrisisForm, String> validator, ScaleSeverity preset) {
        super("Start a crisis", "Start a crisis", "crisis-dialog", "Start crisis", "crisis-confirm", validator);
        this.preset = preset == ScaleSeverity.NORMAL ? null : preset;
    }

    /** The severity the form opens with; null for "Not judged yet". */
    public ScaleSeverity preset() {
        return preset;
    }

    @Override
    public Fields<CrisisForm> build() {
        TextField name = FormParts.field("crisis-name", "", "e.g. Launch-day signup surge");
        name.setPrefColumnCount(30);
        ComboBox<ScaleSeverity> severity = new ComboBox<>();
        severity.setId("crisis-severity");
        severity.getItems().setAll(ScaleSeverity.GROWTH, ScaleSeverity.SURGE, ScaleSeverity.VIRAL);
        severity.setPromptText("Not judged yet");
        severity.setValue(preset);
        TextField when = FormParts.field("crisis-start", "", "blank = now · 14:05 · 45m ago · 2026-11-23 14:05");
        TextField commander = FormParts.field("crisis-commander-input", "", "@name of the incident commander");
        GridPane grid = FormParts.grid(new Row("Name", name), new Row("Severity", severity), new Row("Started", when),
                new Row("Commander", commander));
        return new Fields<>(grid, name, () -> new CrisisForm(name.getText(), severity.getValue(), when.getText(),
                commander.getText()), null);
    }
}
