package dev.warroom.ui.dashboard;

import dev.warroom.domain.metric.IncidentSeverity;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.ui.Subscriptions;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The scale and incident severity, shown under the header on every view (id {@code severity-banner}).
 * Pseudo-classes {@code :growth :surge :viral} and {@code :sev3 :sev2 :sev1} colour it. It follows the
 * severities through the owner's {@link Subscriptions}, so closing those lets go of them.
 */
public final class SeverityBanner extends HBox {
    private final Label scale = new Label();
    private final Label incident = new Label();
    private final Label advice = new Label();

    public SeverityBanner() {
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
        setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        update(ScaleSeverity.NORMAL, IncidentSeverity.NONE);
    }

    /** Shows {@code scaleLevel} and {@code incidentLevel} as they change, until {@code owner} is closed. */
    public void follow(ObservableValue<ScaleSeverity> scaleLevel, ObservableValue<IncidentSeverity> incidentLevel,
                       Subscriptions owner) {
        owner.listen(scaleLevel, (o, a, b) -> update(scaleLevel.getValue(), incidentLevel.getValue()));
        owner.listen(incidentLevel, (o, a, b) -> update(scaleLevel.getValue(), incidentLevel.getValue()));
        update(scaleLevel.getValue(), incidentLevel.getValue());
    }

    private void update(ScaleSeverity s, IncidentSeverity i) {
        scale.setText(s.headline());
        incident.setText(i == IncidentSeverity.NONE ? "NO INCIDENT" : i.label());
        advice.setText(s.advice());
        setAccessibleText("Severity: traffic " + scale.getText() + ", incident " + incident.getText()
                + (advice.getText().isBlank() ? "" : ". " + advice.getText()));
        for (ScaleSeverity level : ScaleSeverity.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(level.name().toLowerCase()), level == s);
        }
        for (IncidentSeverity level : IncidentSeverity.values()) {
            incident.pseudoClassStateChanged(PseudoClass.getPseudoClass(level.name().toLowerCase()), level == i);
        }
    }
}
