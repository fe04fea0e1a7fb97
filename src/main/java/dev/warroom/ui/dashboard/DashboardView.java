package dev.warroom.ui.dashboard;

import dev.warroom.domain.metric.AlertState;
import dev.warroom.domain.metric.AlertStatus;
import dev.warroom.domain.metric.Metric;
import dev.warroom.metrics.SourceHealth;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The live crisis dashboard: tiles by group, the alert list and the sources panel. */
public final class DashboardView {
    private static final PseudoClass FIRING = PseudoClass.getPseudoClass("firing");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down");
    private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");

    private final DashboardViewModel vm;
    private final Consumer<Metric> openChart;

    @FXML private VBox groups;
    @FXML private ListView<AlertStatus> alertList;
    @FXML private ListView<SourceHealth> sourceList;
    @FXML private Label trafficBaseline;
    @FXML private Label recorder;
    @FXML private Label message;
    @FXML private HBox metricsEmpty;
    @FXML private Button connectMetrics;
    @FXML private Button runSimulator;

    private DashboardView(DashboardViewModel vm, Consumer<Metric> openChart) {
        this.vm = vm;
        this.openChart = openChart;
    }

    public static Parent load(DashboardViewModel vm, Consumer<Metric> openChart) {
        return dev.warroom.ui.Fxml.load("dashboard.fxml", new DashboardView(vm, openChart));
    }

    @FXML
    private void initialize() {
        for (Map.Entry<String, List<String>> group : DashboardViewModel.GROUPS.entrySet()) {
            Label heading = new Label(group.getKey().toUpperCase());
            heading.getStyleClass().add("group-heading");
            HBox head = new HBox(12, heading);
            head.getStyleClass().add("group-head");
            if (group.getKey().equals("Team")) {
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Button edit = new Button("Team status…");
                edit.setId("edit-team-status");
                edit.setOnAction(e -> vm.editTeamStatus());
                head.getChildren().addAll(spacer, edit);
            }
            GridPane grid = new GridPane();
            grid.getStyleClass().add("tile-grid");
            int col = 0;
            for (String key : group.getValue()) {
                MetricTile tile = new MetricTile(vm.tile(key).get());
                tile.dataProperty().bind(vm.tile(key));
                tile.setMaxWidth(Double.MAX_VALUE);
                GridPane.setHgrow(tile, Priority.ALWAYS);
                Metric.byKey(key).ifPresent(m -> opensChart(tile, () -> openChart.accept(m)));
                grid.add(tile, col++, 0);
            }
            for (int i = 0; i < col; i++) {
                javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
                cc.setPercentWidth(100.0 / col);
                grid.getColumnConstraints().add(cc);
            }
            groups.getChildren().addAll(head, grid);
        }
        alertList.setItems(vm.alerts());
        alertList.setCellFactory(v -> new AlertCell());
        sourceList.setItems(vm.sources());
        sourceList.setCellFactory(v -> new SourceCell());
        message.textProperty().bind(vm.messageProperty());
        metricsEmpty.visibleProperty().bind(vm.noSourcesProperty());
        metricsEmpty.managedProperty().bind(metricsEmpty.visibleProperty());
        connectMetrics.setOnAction(e -> vm.connectMetrics());
        runSimulator.setOnAction(e -> vm.runSimulator());
        trafficBaseline.textProperty().bind(vm.trafficBaselineProperty());
        recorder.textProperty().bind(vm.recorderProperty());
        recorder.visibleProperty().bind(vm.recorderProperty().isNotEmpty());
        recorder.managedProperty().bind(recorder.visibleProperty());
    }

    /** Lets a cell's wrapped text use the list's width instead of widening it (no sideways scrolling). */
    private static void fitToList(ListCell<?> cell, VBox box) {
        box.setMinWidth(0);
        for (javafx.scene.Node n : box.getChildren()) {
            if (n instanceof Label l) {
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
        }
        cell.listViewProperty().addListener((o, was, list) -> follow(box, list));
        follow(box, cell.getListView());
    }

    private static void follow(VBox box, ListView<?> list) {
        box.prefWidthProperty().unbind();
        if (list != null) {
            box.prefWidthProperty().bind(list.widthProperty().subtract(30));
        }
    }

    /**
     * One alert rule: state, condition, value and the suggested action. The nodes are built once per cell; an
     * update changes only the texts that differ and the state's pseudo-class ({@code :firing :pending :resolved}
     * on {@code .alert-state}), so the value changing every second neither makes new nodes nor restyles them.
     */
    static final class AlertCell extends ListCell<AlertStatus> {
        private static final PseudoClass RESOLVED = PseudoClass.getPseudoClass("resolved");
        private final Label state = styled(new Label(), "alert-state");
        private final Label name = styled(new Label(), "alert-name");
        private final Label detail = styled(new Label(), "alert-detail");
        private final Label action = styled(new Label(), "alert-action");
        private final VBox box;

        AlertCell() {
            name.setWrapText(true);
            // a long rule name takes a second line beside its state badge instead of ending in "…"
            name.setMinHeight(Region.USE_PREF_SIZE);
            state.setMinWidth(Region.USE_PREF_SIZE);
            detail.setWrapText(true);
            action.setWrapText(true);
            box = new VBox(2, new HBox(8, state, name), detail, action);
            fitToList(this, box);
        }

        @Override
        protected void updateItem(AlertStatus a, boolean empty) {
            super.updateItem(a, empty);
            AlertState now = empty || a == null ? null : a.state();
            pseudoClassStateChanged(FIRING, now == AlertState.FIRING);
            pseudoClassStateChanged(PENDING, now == AlertState.PENDING);
            setText(null);
            if (now == null) {
                setGraphic(null);
                return;
            }
            state.setText(now.name());
            state.pseudoClassStateChanged(FIRING, now == AlertState.FIRING);
            state.pseudoClassStateChanged(PENDING, now == AlertState.PENDING);
            state.pseudoClassStateChanged(RESOLVED, now == AlertState.RESOLVED);
            name.setText(a.rule().name() + " · " + a.rule().severity().name().toLowerCase());
            detail.setText(FigureFormat.alertDetail(a));
            action.setText(a.actionApplies() ? "→ " + a.rule().suggestedAction() : "");
            action.setVisible(a.actionApplies());
            action.setManaged(a.actionApplies());
            if (getGraphic() != box) {
                setGraphic(box);
            }
        }
    }

    /**
     * One metric source: state, last failure, breaker, and a stop/resume switch. The nodes are built
     * once per cell and only their texts change, so the switch stays put while news streams in.
     */
    private final class SourceCell extends ListCell<SourceHealth> {
        private final Label name = styled(new Label(), "source-name");
        private final Label state = styled(new Label(), "source-state");
        private final Button toggle = new Button();
        private final Label detail = styled(new Label(), "source-detail");
        private final Label feeds = styled(new Label(), "source-feeds");
        private final Label why = styled(new Label(), "source-failure");
        private final Hyperlink fullText = new Hyperlink("Full text…");
        private final Label notes = styled(new Label(), "source-detail");
        private final VBox box;
        private SourceHealth current;

        SourceCell() {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            why.setWrapText(true);
            notes.setWrapText(true);
            feeds.setWrapText(true);
            box = new VBox(2, new HBox(8, name, state, spacer, toggle), detail, feeds, why, fullText, notes);
            fitToList(this, box);
            fullText.setOnAction(e -> {
                if (current != null) {
                    vm.showSourceFailure(current);
                }
            });
            toggle.setOnAction(e -> {
                if (current != null) {
                    vm.stopSource(current.name(), current.state() != SourceHealth.State.STOPPED);
                }
            });
        }

        @Override
        protected void updateItem(SourceHealth s, boolean empty) {
            super.updateItem(s, empty);
            current = empty ? null : s;
            setText(null);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            name.setText(s.name());
            state.setText(s.state().name());
            state.pseudoClassStateChanged(DOWN, s.state() == SourceHealth.State.DOWN
                    || s.state() == SourceHealth.State.FAILING);
            state.pseudoClassStateChanged(STOPPED, s.state() == SourceHealth.State.STOPPED);
            toggle.setText(s.state() == SourceHealth.State.STOPPED ? "Resume" : "Stop");
            toggle.setId("source-toggle-" + s.name());
            detail.setText("breaker " + s.circuit().toLowerCase()
                    + (s.consecutiveFailures() > 0 ? " · " + s.consecutiveFailures() + " failed polls" : "")
                    + (s.noteCount() > 0 ? " · " + s.noteCount() + " notes" : ""));
            feeds.setText(vm.feeds(s.name()));
            feeds.setVisible(!feeds.getText().isEmpty());
            feeds.setManaged(feeds.isVisible());
            boolean failing = s.lastFailure() != null && s.state() != SourceHealth.State.UP;
            why.setText(failing ? s.failureSummary() : "");
            why.setVisible(failing);
            why.setManaged(failing);
            fullText.setId("source-full-text-" + s.name());
            fullText.setVisible(failing && s.failureCut());
            fullText.setManaged(failing && s.failureCut());
            String recent = String.join("\n", s.notes().subList(Math.max(0, s.notes().size() - 2), s.notes().size()));
            notes.setText(recent);
            notes.setVisible(!recent.isEmpty());
            notes.setManaged(!recent.isEmpty());
            if (getGraphic() != box) {
                setGraphic(box);
            }
        }
    }

    private static Label styled(Label l, String styleClass) {
        l.getStyleClass().add(styleClass);
        return l;
    }

    /** A tile with a chart is a button: a click, or Enter / Space while it has the focus, opens the chart. */
    private static void opensChart(MetricTile tile, Runnable open) {
        tile.setFocusTraversable(true);
        tile.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
        tile.setOnMouseClicked(e -> open.run());
        tile.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                e.consume();
                open.run();
            }
        });
    }
}
