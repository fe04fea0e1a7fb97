package dev.warroom.ui.plan;

import dev.warroom.crisis.PlanService;
import dev.warroom.domain.plan.CrisisOkrs;
import dev.warroom.domain.plan.KeyResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The two emergency objectives with their key results: live value and status, or the hand-set note. */
final class OkrPane {
    private final PlanViewModel vm;
    private final VBox root = new VBox();

    OkrPane(PlanViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("okr-pane");
        root.setId("okrs");
    }

    Node node() {
        return root;
    }

    void render(List<PlanService.KeyResultState> states) {
        root.getChildren().clear();
        Label note = new Label("Every other OKR is on hold for the 72 hours of the crisis.");
        note.getStyleClass().add("section-caption");
        root.getChildren().add(note);
        Map<String, List<KeyResult>> byObjective = CrisisOkrs.byObjective(states.stream()
                .map(PlanService.KeyResultState::keyResult).toList());
        int n = 1;
        for (Map.Entry<String, List<KeyResult>> o : byObjective.entrySet()) {
            VBox box = new VBox();
            box.getStyleClass().add("okr-objective");
            Label title = new Label("O" + n++ + "  " + o.getKey());
            title.getStyleClass().add("okr-title");
            GridPane grid = new GridPane();
            grid.getStyleClass().add("okr-grid");
            int row = 0;
            for (KeyResult kr : o.getValue()) {
                PlanService.KeyResultState s = states.stream().filter(x -> x.keyResult() == kr).findFirst().orElseThrow();
                Label text = new Label(kr.text());
                text.setWrapText(true);
                text.getStyleClass().add("okr-text");
                GridPane.setHgrow(text, Priority.ALWAYS);
                Label measure = new Label(measure(s));
                measure.getStyleClass().add("okr-measure");
                measure.setWrapText(true);
                Label status = new Label(s.status().label());
                status.setId("okr-status-" + kr.id());
                status.getStyleClass().add("okr-status");
                status.pseudoClassStateChanged(PseudoClass.getPseudoClass(
                        s.status().name().toLowerCase(Locale.ROOT).replace('_', '-')), true);
                grid.add(text, 0, row);
                grid.add(measure, 1, row);
                grid.add(status, 2, row);
                if (!kr.live()) {
                    Button set = new Button("Set…");
                    set.setId("okr-set-" + kr.id());
                    set.setOnAction(e -> vm.editKeyResult(s));
                    grid.add(set, 3, row);
                }
                row++;
            }
            box.getChildren().addAll(title, grid);
            root.getChildren().add(box);
        }
    }

    private static String measure(PlanService.KeyResultState s) {
        KeyResult kr = s.keyResult();
        if (kr.live()) {
            String value = s.value() == null ? "no live value" : format(s.value()) + unit(kr);
            return kr.metric().label() + ": " + value + "  (target " + kr.targetText() + ")";
        }
        return s.manual() == null ? "Set by hand — not set yet" : s.manual().note() + " — " + s.manual().by();
    }

    private static String unit(KeyResult kr) {
        String u = kr.metric().unit();
        return "%".equals(u) || "x".equals(u) ? u : " " + u;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.format("%,d", (long) v) : String.format("%,.2f", v);
    }
}
