package dev.warroom.ui.dashboard;

import dev.warroom.ui.Form;
import dev.warroom.ui.FormParts;
import dev.warroom.ui.FormParts.Row;
import java.util.function.Function;
import javafx.scene.control.TextField;

/** Team stress and ETA to stable, entered by the commander. */
public final class TeamStatusDialog extends Form<TeamStatusForm> {
    private final TeamStatusForm initial;

    public TeamStatusDialog(TeamStatusForm initial, Function<TeamStatusForm, String> validator) {
        super("Team status", "Team status", "team-dialog", "Record", "team-save", validator);
        this.initial = initial;
    }

    public TeamStatusForm initial() {
        return initial;
    }

    @Override
    public Fields<TeamStatusForm> build() {
        TextField stress = FormParts.field("team-stress", initial.stress(), "1 calm … 10 breaking");
        TextField eta = FormParts.field("team-eta", initial.eta(), "4h, 16:30 — blank: from the board");
        return new Fields<>(FormParts.grid(new Row("Team stress", stress), new Row("ETA to stable", eta)), stress,
                () -> new TeamStatusForm(stress.getText(), eta.getText()), null);
    }
}
