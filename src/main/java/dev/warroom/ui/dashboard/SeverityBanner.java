package dev.warroom.ui.dashboard;

import dev.warroom.ui.SeverityDisplay;
import dev.warroom.ui.Subscriptions;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The scale and incident severity, shown under the header on every view (id {@code severity-banner}) and as
 * the wall's band. It only renders the shared {@link SeverityDisplay}: the texts as they are, and the look as a
 * pseudo-class, {@code :growth :surge :viral} / {@code :sev3 :sev2 :sev1} for current real figures and
 * {@code :no-data :stale :simulated} otherwise, on the banner (scale) and on each headline. It follows the
 * display through the owner's {@link Subscriptions}, so closing those lets go of it.
 */
public final class SeverityBanner extends HBox {
    private final Label scale = new Label();
    private final Label scaleDetail = new Label();
    private final Label incident = new Label();
    private final Label incidentDetail = new Label();

    /** One row: scale, its detail, incident, its detail (the laptop's strip under the header). */
    public SeverityBanner() {
        this(false);
    }

    /**
     * @param stacked two rows, scale over incident, each headline with its detail beside it: the wall's band,
     *                where the headlines are larger than the clock and one row would not hold them
     */
    public SeverityBanner(boolean stacked) {
        setId("severity-banner");
        getStyleClass().add("severity-banner");
        scale.setId("scale-severity");
        scale.getStyleClass().add("severity-scale");
        scaleDetail.setId("scale-severity-detail");
        incident.setId("incident-severity");
        incident.getStyleClass().add("severity-incident");
        incidentDetail.setId("incident-severity-detail");
        for (Label headline : new Label[] {scale, incident}) {
            headline.setMinWidth(USE_PREF_SIZE);
        }
        for (Label detail : new Label[] {scaleDetail, incidentDetail}) {
            detail.getStyleClass().add("severity-advice");
            detail.setMinWidth(0);
            HBox.setHgrow(detail, javafx.scene.layout.Priority.SOMETIMES);
        }
        if (stacked) {
            HBox scaleRow = new HBox(scale, scaleDetail);
            HBox incidentRow = new HBox(incident, incidentDetail);
            javafx.scene.layout.VBox rows = new javafx.scene.layout.VBox(scaleRow, incidentRow);
            rows.getStyleClass().add("severity-rows");
            for (HBox row : new HBox[] {scaleRow, incidentRow}) {
                row.getStyleClass().add("severity-row");
            }
            HBox.setHgrow(rows, javafx.scene.layout.Priority.ALWAYS);
            getChildren().add(rows);
        } else {
            getChildren().addAll(scale, scaleDetail, incident, incidentDetail);
        }
    }

    /** Shows {@code display} as it changes, until {@code owner} is closed. */
    public void follow(SeverityDisplay display, Subscriptions owner) {
        owner.listen(display.scaleProperty(), (o, a, b) -> showScale(b));
        owner.listen(display.incidentProperty(), (o, a, b) -> showIncident(b));
        showScale(display.scaleProperty().get());
        showIncident(display.incidentProperty().get());
    }

    private void showScale(SeverityDisplay.Side s) {
        scale.setText(s.headline());
        scaleDetail.setText(s.detail());
        look(this, s.look());
        look(scale, s.look());
    }

    private void showIncident(SeverityDisplay.Side s) {
        incident.setText(s.headline());
        incidentDetail.setText(s.detail());
        look(incident, s.look());
    }

    private static void look(javafx.scene.Node n, String look) {
        for (String l : SeverityDisplay.LOOKS) {
            n.pseudoClassStateChanged(PseudoClass.getPseudoClass(l), l.equals(look));
        }
    }
}
