package dev.warroom.ui.plan;

import dev.warroom.domain.plan.Decision;
import dev.warroom.domain.plan.DecisionMatrix;
import dev.warroom.domain.plan.Quadrant;
import dev.warroom.ui.FormParts;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The growth-versus-stability form, the matrix's answer with its reasoning, and the history of calls. */
final class DecisionPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");
    private final PlanViewModel vm;
    private final HBox root = new HBox();
    private final VBox history = new VBox();
    private final Label suggestion = new Label();

    DecisionPane(PlanViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("decision-pane");
        GridPane form = FormParts.paneGrid();
        int row = 0;
        form.addRow(row++, new Label("System stability (1–10)"), FormParts.bound("decision-stability", vm.stabilityProperty(), "7 or more is stable"));
        form.addRow(row++, new Label("User growth (users/h)"), FormParts.bound("decision-growth", vm.growthProperty(), "e.g. 1200"));
        form.addRow(row++, new Label("Revenue at stake ($/h down)"), FormParts.bound("decision-revenue", vm.revenueProperty(), "e.g. 8000"));
        form.addRow(row++, new Label("Competitive window (days)"), FormParts.bound("decision-window", vm.windowProperty(), "before others copy us"));
        Button suggest = new Button("Use live metrics");
        suggest.setId("decision-suggest");
        suggest.setOnAction(e -> vm.useSuggestion());
        suggestion.getStyleClass().add("section-caption");
        suggestion.setWrapText(true);
        form.add(new VBox(6, suggest, suggestion), 1, row++);
        TextField threshold = FormParts.bound("decision-threshold", vm.thresholdProperty(), "users/h");
        threshold.setPrefColumnCount(7);
        threshold.setAccessibleText("High growth starts at (users/hour)");
        Button apply = new Button("Apply");
        apply.setId("decision-threshold-apply");
        apply.setOnAction(e -> vm.applyThreshold());
        form.addRow(row++, new Label("High growth from (users/h)"), new HBox(8, threshold, apply));
        Label rule = new Label("Stable means stability " + DecisionMatrix.STABLE_AT + " or more; high growth means at "
                + "least the threshold above. At the threshold counts as high.");
        rule.getStyleClass().add("section-caption");
        rule.setWrapText(true);
        form.add(rule, 0, row, 2, 1);

        Label result = new Label();
        result.setId("decision-result");
        result.getStyleClass().add("decision-result");
        result.textProperty().bind(vm.resultTextProperty());
        vm.resultProperty().addListener((o, a, q) -> quadrantClass(result, q));
        quadrantClass(result, vm.resultProperty().get());
        Label reasoning = new Label();
        reasoning.setId("decision-reasoning");
        reasoning.getStyleClass().add("decision-reasoning");
        reasoning.setWrapText(true);
        reasoning.textProperty().bind(vm.reasoningProperty());
        ComboBox<Quadrant> choice = new ComboBox<>();
        choice.setId("decision-choice");
        choice.getItems().add(null);
        choice.getItems().addAll(Quadrant.values());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Quadrant q) {
                return q == null ? "Follow the matrix" : q.label();
            }

            @Override
            public Quadrant fromString(String s) {
                return null;
            }
        });
        choice.valueProperty().bindBidirectional(vm.chosenProperty());
        TextField rationale = FormParts.bound("decision-rationale", vm.rationaleProperty(), "Why — one line for the record");
        rationale.setPrefColumnCount(28);
        Button record = new Button("Record decision");
        record.setId("decision-record");
        record.getStyleClass().add("accent");
        record.setOnAction(e -> vm.recordDecision());
        GridPane decide = new GridPane();
        decide.getStyleClass().add("form-grid");
        Label decision = new Label("Decision");
        decision.setLabelFor(choice);
        Label why = new Label("Rationale");
        why.setLabelFor(rationale);
        decide.addRow(0, decision, choice);
        decide.addRow(1, why, rationale);
        decide.add(record, 1, 2);
        VBox answer = new VBox(new Label("The matrix says"), result, reasoning, decide);
        answer.getStyleClass().add("decision-answer");
        answer.getChildren().get(0).getStyleClass().add("section-caption");

        VBox left = new VBox(section("Current state"), form, answer);
        left.getStyleClass().add("decision-left");
        history.getStyleClass().add("decision-history");
        history.setId("decision-history");
        ScrollPane scroll = new ScrollPane(history);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        VBox right = new VBox(section("Decisions so far"), scroll);
        right.getStyleClass().add("decision-right");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        // the form scrolls on a short window (a 1366x768 laptop, the 1024x640 minimum): "Record decision" sits
        // below the inputs and must stay reachable
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        leftScroll.getStyleClass().add("plain-scroll");
        leftScroll.setMinWidth(Region.USE_PREF_SIZE);
        root.getChildren().addAll(leftScroll, right);
    }

    Node node() {
        return root;
    }

    void render(List<Decision> decisions, String suggestionBasis) {
        suggestion.setText(suggestionBasis);
        history.getChildren().clear();
        if (decisions.isEmpty()) {
            Label none = new Label("No decision recorded yet.");
            none.getStyleClass().add("section-caption");
            history.getChildren().add(none);
        }
        for (Decision d : decisions) {
            Label head = new Label(WHEN.format(d.at().atZone(vm.zone())) + " · " + d.by() + " · " + d.chosen().label()
                    + (d.overridden() ? " (matrix: " + d.suggested().label() + ")" : ""));
            head.getStyleClass().add("decision-entry-head");
            quadrantClass(head, d.chosen());
            Label why = new Label(d.rationale());
            why.setWrapText(true);
            why.getStyleClass().add("decision-entry-why");
            Label inputs = new Label("stability " + d.inputs().stability() + "/10 · "
                    + Math.round(d.inputs().growthPerHour()) + " users/h · $" + Math.round(d.inputs().revenuePerHour())
                    + "/h · window " + d.inputs().windowDays() + " d");
            inputs.getStyleClass().add("section-caption");
            VBox entry = new VBox(head, why, inputs);
            entry.getStyleClass().add("decision-entry");
            history.getChildren().add(entry);
        }
    }

    private static void quadrantClass(Label l, Quadrant q) {
        for (Quadrant x : Quadrant.values()) {
            l.pseudoClassStateChanged(pc(x), x == q);
        }
    }

    private static PseudoClass pc(Quadrant q) {
        return PseudoClass.getPseudoClass(q.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}
