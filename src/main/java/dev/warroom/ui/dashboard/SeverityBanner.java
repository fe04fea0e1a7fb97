package dev.warroom.ui.dashboard;

import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.ScaleSeverity;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The scale and incident severity, shown under the header on every view (id {@code severity-banner}).
 * Pseudo-classes {@code :growth :surge :viral} and {@code :sev3 :sev2 :sev1} colour it.
 */
public final class SeverityBanner extends HBox {
    private final Label scale = new Label();
    private final Label incident = new Label();
    private final Label advice = new Label();

    public SeverityBanner(DashboardViewModel vm) {
        setId("severity-banner");
        getStyleClass().add("severity-banner");
        scale.setId("scale-severity");
        scale.getStyleClass().add("severity-scale");
        incident.setId("incident-severity");
        incident.getStyleClass().add("severity-incident");
        advice.getStyleClass().add("severity-advice");
        advice.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(scale, incident, advice, spacer);
        vm.scaleProperty().addListener((o, a, b) -> update(vm));
        vm.incidentProperty().addListener((o, a, b) -> update(vm));
        update(vm);
    }

    private void update(DashboardViewModel vm) {
        ScaleSeverity s = vm.scaleProperty().get();
        IncidentSeverity i = vm.incidentProperty().get();
        scale.setText(s == ScaleSeverity.NORMAL ? "TRAFFIC NORMAL" : s.name());
        incident.setText(i == IncidentSeverity.NONE ? "NO INCIDENT" : i.label());
        advice.setText(switch (s) {
            case VIRAL -> "Traffic above 50x normal — all hands, emergency scaling mode";
            case SURGE -> "Traffic 10–50x normal — dedicated scaling team, scaling sprint";
            case GROWTH -> "Traffic 2–10x normal — accelerate capacity planning";
            case NORMAL -> "Traffic within 2x of normal";
        });
        for (ScaleSeverity level : ScaleSeverity.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(level.name().toLowerCase()), level == s);
        }
        for (IncidentSeverity level : IncidentSeverity.values()) {
            incident.pseudoClassStateChanged(PseudoClass.getPseudoClass(level.name().toLowerCase()), level == i);
        }
    }
}
