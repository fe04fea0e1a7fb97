package dev.warroom.ui.crisis;

import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.CrisisPhase;
import dev.warroom.domain.CrisisRole;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The crisis view's FXML controller: phase with priorities, roles, declare stable, past crises. */
public final class CrisisView {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private final CrisisViewModel vm;
    private final ActorViewModel actor;

    @FXML private Label phaseTitle;
    @FXML private Label phaseCountdown;
    @FXML private VBox priorities;
    @FXML private HBox phaseStrip;
    @FXML private GridPane roles;
    @FXML private Button declareStable;
    @FXML private Label message;
    @FXML private ListView<CrisisOverview> history;
    @FXML private Label actorName;
    @FXML private Label actorProblem;

    private CrisisView(CrisisViewModel vm, ActorViewModel actor) {
        this.vm = vm;
        this.actor = actor;
    }

    /** The crisis view; {@code actor} gives "You are: …" and its Change… button. */
    public static Parent load(CrisisViewModel vm, ActorViewModel actor) {
        return dev.warroom.ui.Fxml.load("crisis.fxml", new CrisisView(vm, actor));
    }

    @FXML
    private void initialize() {
        message.textProperty().bind(vm.messageProperty());
        actorName.textProperty().bind(actor.nameProperty().map(n -> "You are: " + n));
        actorProblem.textProperty().bind(actor.problemProperty());
        history.setItems(vm.history());
        history.setPlaceholder(new Label("No crises recorded yet."));
        history.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CrisisOverview o, boolean empty) {
                super.updateItem(o, empty);
                setText(empty || o == null ? null : vm.describe(o));
            }
        });
        for (CrisisPhase p : CrisisPhase.values()) {
            Label step = new Label(p.hours() + "\n" + p.title());
            step.getStyleClass().add("phase-step");
            step.setId("phase-" + p.name().toLowerCase());
            step.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(step, javafx.scene.layout.Priority.ALWAYS);
            phaseStrip.getChildren().add(step);
        }
        vm.activeProperty().addListener(o -> render());
        vm.nowProperty().addListener(o -> renderPhase());
        render();
    }

    private void render() {
        CrisisOverview o = vm.activeProperty().get();
        declareStable.setDisable(o == null);
        roles.getChildren().clear();
        int row = 0;
        for (CrisisRole r : vm.roles()) {
            Label title = new Label(r.title());
            title.getStyleClass().add("role-title");
            Label holder = new Label(vm.holder(r).map(h -> "@" + h).orElse("unassigned"));
            holder.getStyleClass().add("role-holder");
            holder.setId("holder-" + r.key());
            Button assign = new Button(vm.holder(r).isPresent() ? "Hand over…" : "Assign…");
            assign.setId("assign-" + r.key());
            assign.setDisable(o == null);
            assign.setMnemonicParsing(false);
            assign.setOnAction(e -> vm.assign(r));
            roles.addRow(row++, title, holder, assign);
        }
        renderPhase();
    }

    private void renderPhase() {
        CrisisPhase p = vm.phase();
        phaseTitle.setText(p == null ? "No active crisis" : p.label());
        phaseCountdown.setText(vm.phaseCountdown());
        priorities.getChildren().clear();
        if (p != null) {
            for (String s : p.priorities()) {
                Label l = new Label("•  " + s);
                l.setWrapText(true);
                l.getStyleClass().add("phase-priority");
                priorities.getChildren().add(l);
            }
        }
        for (int i = 0; i < phaseStrip.getChildren().size(); i++) {
            phaseStrip.getChildren().get(i).pseudoClassStateChanged(CURRENT, p != null && p.ordinal() == i);
        }
    }

    @FXML
    private void changeActor() {
        actor.change();
    }

    @FXML
    private void declareStable() {
        vm.declareStable();
    }
}
