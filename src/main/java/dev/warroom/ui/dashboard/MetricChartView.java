package dev.warroom.ui.dashboard;

import dev.warroom.crisis.MetricHistory;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.Metric;
import dev.warroom.ui.TaskRunner;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The window a tile opens: its metric over 15 min to 72 h with thresholds and timeline events. */
public final class MetricChartView {
    private MetricChartView() {
    }

    public static Stage open(Window owner, Metric metric, MetricHistory history, TaskRunner tasks, ZoneId zone) {
        ChartCanvas chart = new ChartCanvas(zone);
        chart.setId("metric-chart");
        Label status = new Label("Loading…");
        status.getStyleClass().add("chart-status");
        ListView<TimelineEvent> events = new ListView<>();
        events.setId("chart-events");
        events.setPrefHeight(150);
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm:ss");
        events.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(TimelineEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : hm.format(e.at().atZone(zone)) + "  " + e.summary());
            }
        });
        ToggleGroup ranges = new ToggleGroup();
        HBox bar = new HBox(6);
        bar.getStyleClass().add("chart-ranges");
        for (Duration range : MetricHistory.RANGES) {
            ToggleButton b = new ToggleButton(label(range));
            b.setId("range-" + label(range).replace(" ", ""));
            b.setToggleGroup(ranges);
            b.setOnAction(e -> {
                b.setSelected(true);
                status.setText("Loading " + label(range) + "…");
                int pixels = chart.plotWidth();
                tasks.run(() -> history.chart(metric, range, pixels), c -> {
                    chart.show(c);
                    events.getItems().setAll(c.events());
                    status.setText(c.storedPoints() + " stored points shown as " + c.series().size()
                            + " (min/max per pixel column) · " + c.events().size() + " timeline events · dashed: KPI"
                            + " thresholds");
                }, err -> status.setText("Could not read the history: " + err.getMessage()));
            });
            bar.getChildren().add(b);
        }
        Label title = new Label(metric.label() + " (" + metric.unit() + ")");
        title.getStyleClass().add("chart-title");
        javafx.scene.control.Button close = new javafx.scene.control.Button("Close");
        close.setId("chart-close");
        close.setCancelButton(true);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        VBox top = new VBox(6, new HBox(12, title, gap, close), bar, status);
        top.getStyleClass().add("chart-top");
        BorderPane root = new BorderPane(chart, top, null, events, null);
        root.setId("chart-window");
        root.getStyleClass().add("chart-window");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("War Room — " + metric.label());
        Scene scene = new Scene(root, 1000, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        close.setOnAction(e -> stage.close());
        dev.warroom.ui.DialogKeys.closeOnEscape(stage);
        stage.show();
        ((ToggleButton) bar.getChildren().get(1)).fire();
        return stage;
    }

    static String label(Duration d) {
        return d.toMinutes() < 60 ? d.toMinutes() + " min" : d.toHours() + " h";
    }
}
