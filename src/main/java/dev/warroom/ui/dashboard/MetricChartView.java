package dev.warroom.ui.dashboard;

import dev.warroom.crisis.MetricHistory;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.Metric;
import dev.warroom.ui.TaskRunner;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window a tile opens: its metric over 15 min to 72 h with labelled thresholds and events, a read-out
 * at the mouse, and live updates. The window owns its refresh timer: it starts when the window shows and
 * stops when it closes, so a closed chart reads nothing more.
 */
public final class MetricChartView {
    /** How often a short range (up to 1 h) is read again while the window is open. */
    static final javafx.util.Duration SHORT_REFRESH = javafx.util.Duration.seconds(2);
    /** How often longer ranges, drawn from one-minute summaries, are read again. */
    static final javafx.util.Duration LONG_REFRESH = javafx.util.Duration.seconds(20);

    private final Metric metric;
    private final MetricHistory history;
    private final TaskRunner tasks;
    private final ChartCanvas chart;
    private final Label status = new Label("Loading…");
    private final ListView<TimelineEvent> events = new ListView<>();
    private final Timeline refresher = new Timeline();
    private Duration range = MetricHistory.RANGES.get(1);
    private boolean loading;
    private int refreshes;
    private Stage stage;

    private MetricChartView(Metric metric, MetricHistory history, TaskRunner tasks, ZoneId zone) {
        this.metric = metric;
        this.history = history;
        this.tasks = tasks;
        this.chart = new ChartCanvas(zone);
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss");
        events.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TimelineEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null
                        : hms.format(e.at().atZone(zone)) + "  " + ChartWords.label(e) + " — " + e.summary());
            }
        });
        refresher.setCycleCount(Animation.INDEFINITE);
    }

    /** Opens the chart of {@code metric}, reading its history through {@code tasks} (never on the FX thread). */
    public static MetricChartView open(Window owner, Metric metric, MetricHistory history, TaskRunner tasks,
                                       ZoneId zone) {
        MetricChartView view = new MetricChartView(metric, history, tasks, zone);
        view.show(owner);
        return view;
    }

    private void show(Window owner) {
        chart.setId("metric-chart");
        status.getStyleClass().add("chart-status");
        status.setId("chart-status");
        status.setWrapText(true);
        Label readout = new Label();
        readout.setId("chart-readout");
        readout.getStyleClass().add("chart-readout");
        readout.textProperty().bind(chart.readoutProperty().map(r -> r.isEmpty() ? "Point at the line to read it" : r));
        events.setId("chart-events");
        events.setPrefHeight(150);
        ToggleGroup ranges = new ToggleGroup();
        HBox bar = new HBox(6);
        bar.getStyleClass().add("chart-ranges");
        for (Duration r : MetricHistory.RANGES) {
            ToggleButton b = new ToggleButton(label(r));
            b.setId("range-" + label(r).replace(" ", ""));
            b.setToggleGroup(ranges);
            b.setOnAction(e -> {
                b.setSelected(true);
                choose(r);
            });
            bar.getChildren().add(b);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getChildren().addAll(spacer, readout);
        Label title = new Label(metric.label() + " (" + metric.unit() + ")");
        title.getStyleClass().add("chart-title");
        VBox top = new VBox(6, title, bar, status);
        top.getStyleClass().add("chart-top");
        BorderPane root = new BorderPane(chart, top, null, events, null);
        root.setId("chart-window");
        root.getStyleClass().add("chart-window");
        root.getProperties().put(MetricChartView.class, this);
        stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("War Room — " + metric.label());
        Scene scene = new Scene(root, 1000, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnShown(e -> refresher.play());
        stage.setOnHidden(e -> refresher.stop());
        stage.show();
        ((ToggleButton) bar.getChildren().get(1)).fire();
    }

    private void choose(Duration r) {
        range = r;
        status.setText("Loading " + label(r) + "…");
        refresher.stop();
        refresher.getKeyFrames().setAll(new KeyFrame(r.compareTo(Duration.ofHours(1)) <= 0 ? SHORT_REFRESH
                : LONG_REFRESH, e -> refresh()));
        loading = false;
        refresh();
        if (stage.isShowing()) {
            refresher.play();
        }
    }

    /** Reads the chosen range again in the background; a read still under way is not doubled. */
    private void refresh() {
        if (loading) {
            return;
        }
        loading = true;
        Duration r = range;
        int pixels = chart.plotWidth();
        tasks.run(() -> history.chart(metric, r, pixels), c -> {
            loading = false;
            if (!r.equals(range) || !stage.isShowing()) {
                return;
            }
            refreshes++;
            chart.show(c);
            events.getItems().setAll(c.events());
            status.setText(ChartWords.status(c, label(r)));
        }, err -> {
            loading = false;
            status.setText("Could not read the history: " + err.getMessage());
        });
    }

    /** The window. */
    public Stage stage() {
        return stage;
    }

    /** True while the window is open and reading new samples. */
    public boolean live() {
        return refresher.getStatus() == Animation.Status.RUNNING;
    }

    /** How many reads have been drawn since the window opened. */
    public int refreshes() {
        return refreshes;
    }

    static String label(Duration d) {
        return d.toMinutes() < 60 ? d.toMinutes() + " min" : d.toHours() + " h";
    }
}
