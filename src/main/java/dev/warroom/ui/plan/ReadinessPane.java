package dev.warroom.ui.plan;

import dev.warroom.domain.plan.ReadinessAssessment;
import dev.warroom.ui.FormParts;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The monthly readiness form on the left, every assessment so far on the right (oldest first). */
final class ReadinessPane {
    private final HBox root = new HBox();
    private final TableView<ReadinessAssessment> table = new TableView<>();

    ReadinessPane(PlanViewModel vm) {
        root.getStyleClass().add("readiness-pane");
        GridPane form = FormParts.paneGrid();
        int row = 0;
        form.addRow(row++, new Label("Assessment date"), FormParts.bound("readiness-date", vm.dateProperty(), "2026-11-23"));
        form.addRow(row++, new Label("Current (concurrent users)"), FormParts.bound("readiness-current", vm.currentProperty(), "1,000"));
        form.addRow(row++, new Label("Load-tested to"), FormParts.bound("readiness-tested", vm.testedProperty(), "10,000"));
        form.addRow(row++, new Label("Target"), FormParts.bound("readiness-target", vm.targetProperty(), "100,000"));
        form.addRow(row++, new Label("First bottleneck"), FormParts.bound("readiness-bottleneck", vm.bottleneckProperty(), "Database connections"));
        form.addRow(row++, new Label("Action"), FormParts.bound("readiness-action", vm.actionProperty(), "Add read replicas"));
        VBox checks = new VBox();
        checks.getStyleClass().add("readiness-checks");
        for (String[] c : ReadinessAssessment.CHECKS) {
            CheckBox b = new CheckBox(c[1]);
            b.setWrapText(true);
            b.setId("readiness-check-" + c[0]);
            b.setSelected(vm.checks().contains(c[0]));
            b.selectedProperty().addListener((o, was, now) -> {
                if (now) {
                    vm.checks().add(c[0]);
                } else {
                    vm.checks().remove(c[0]);
                }
            });
            checks.getChildren().add(b);
        }
        form.add(checks, 1, row++);
        Button save = new Button("Save assessment");
        save.setId("readiness-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.saveReadiness());
        form.add(save, 1, row);
        Label title = new Label("Scale readiness assessment");
        title.getStyleClass().add("section-title");
        VBox left = new VBox(title, form);
        left.getStyleClass().add("decision-left");

        column("Date", 110, a -> a.date().toString());
        column("Current", 100, a -> String.format("%,d", a.current()));
        column("Tested", 100, a -> String.format("%,d", a.tested()));
        column("Target", 100, a -> String.format("%,d", a.target()));
        column("Tested / target", 140, a -> a.testedPercent() + " %");
        column("Checks", 90, ReadinessAssessment::checkSummary);
        column("Bottleneck → action", 320, a -> a.bottleneck() + " → " + a.action());
        table.setId("readiness-table");
        table.setAccessibleText("Scaling readiness by component");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No assessment yet. Run one a month so progress shows."));
        Label history = new Label("Progress over time");
        history.getStyleClass().add("section-title");
        VBox right = new VBox(history, table);
        right.getStyleClass().add("decision-right");
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        root.getChildren().addAll(left, right);
    }

    Node node() {
        return root;
    }

    void render(List<ReadinessAssessment> all) {
        table.setItems(FXCollections.observableArrayList(all));
    }

    private void column(String title, double width, Function<ReadinessAssessment, String> value) {
        TableColumn<ReadinessAssessment, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        table.getColumns().add(c);
    }
}
