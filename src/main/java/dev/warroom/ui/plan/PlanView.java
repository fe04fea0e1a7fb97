package dev.warroom.ui.plan;

import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;

/** The Plan view's FXML controller: four tabs (checklists, OKRs, decision, readiness) over one view model. */
public final class PlanView {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private final PlanViewModel vm;
    private final ChecklistsPane checklists;
    private final OkrPane okrs;
    private final DecisionPane decision;
    private final ReadinessPane readiness;
    @FXML private Tab checklistTab;
    @FXML private Tab okrTab;
    @FXML private Tab decisionTab;
    @FXML private Tab readinessTab;
    @FXML private Label message;

    private PlanView(PlanViewModel vm) {
        this.vm = vm;
        checklists = new ChecklistsPane(vm);
        okrs = new OkrPane(vm);
        decision = new DecisionPane(vm);
        readiness = new ReadinessPane(vm);
    }

    public static Parent load(PlanViewModel vm) {
        Parent root = dev.warroom.ui.Fxml.load("plan.fxml", new PlanView(vm));
        return root;
    }

    @FXML
    private void initialize() {
        checklistTab.setContent(scroll(checklists.node()));
        okrTab.setContent(scroll(okrs.node()));
        decisionTab.setContent(decision.node());
        readinessTab.setContent(readiness.node());
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsProblemProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(PROBLEM, b));
        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s == null) {
                return;
            }
            checklists.render(s.checklists());
            okrs.render(s.keyResults());
            decision.render(s.decisions(), s.suggestion().basis());
            readiness.render(s.readiness());
            long done = s.checklists().stream().filter(p -> p.complete()).count();
            checklistTab.setText("Checklists · " + done + " of " + s.checklists().size() + " complete");
        });
    }

    private static ScrollPane scroll(javafx.scene.Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.getStyleClass().add("plain-scroll");
        return s;
    }
}
