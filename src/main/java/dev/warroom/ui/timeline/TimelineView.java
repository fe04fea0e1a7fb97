package dev.warroom.ui.timeline;

import dev.warroom.crisis.timeline.TimelineService;
import dev.warroom.domain.Board;
import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.metric.Metric;
import dev.warroom.ui.dashboard.FigureFormat;
import java.util.EnumMap;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The record of the crisis: filterable event list, detail and annotations, and the replay scrubber. Shown,
 * it loads the events and, every few seconds, follows the live end; hidden, it stops replay and polls nothing.
 */
public final class TimelineView implements dev.warroom.ui.LiveView {
    private static final double PLAY_STEP_SECONDS = 0.25;
    private final TimelineViewModel vm;
    private final Map<Column, VBox> replayColumns = new EnumMap<>(Column.class);

    @FXML private ComboBox<String> kindFilter;
    @FXML private ComboBox<String> personFilter;
    @FXML private TextField search;
    @FXML private ListView<TimelineService.Entry> eventList;
    @FXML private TextArea detail;
    @FXML private Label message;
    @FXML private Slider scrubber;
    @FXML private Button play;
    @FXML private ComboBox<Double> speed;
    @FXML private Label replayTime;
    @FXML private Label replayScale;
    @FXML private Label replayIncident;
    @FXML private Label replayFigures;
    @FXML private HBox replayBoard;
    @FXML private javafx.scene.control.ProgressBar reportProgress;
    @FXML private Button cancelReport;
    @FXML private Button exportReport;

    private Parent root;
    private dev.warroom.ui.ClockTicker ticker;
    private int refreshSeconds;
    private dev.warroom.ui.ClockTicker.Tick tick;

    private TimelineView(TimelineViewModel vm) {
        this.vm = vm;
    }

    /** The timeline view; while shown it reloads every {@code refreshSeconds} when it follows the live end. */
    public static TimelineView create(TimelineViewModel vm, dev.warroom.ui.ClockTicker ticker, int refreshSeconds) {
        TimelineView view = new TimelineView(vm);
        view.ticker = ticker;
        view.refreshSeconds = refreshSeconds;
        view.root = dev.warroom.ui.Fxml.load("timeline.fxml", view);
        return view;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void attach() {
        vm.load();
        if (tick == null) {
            dev.warroom.ui.ClockTicker.Tick[] self = {null};
            self[0] = ticker.subscribe("timeline", () -> {
                if (self[0].seconds() % refreshSeconds == 0) {
                    vm.refreshIfFollowing();
                }
            });
            tick = self[0];
        }
    }

    /** Another client changed the record: the live end is read again (a view scrolled into the past stays). */
    @Override
    public void refresh() {
        if (tick != null) {
            vm.refreshIfFollowing();
        }
    }

    @Override
    public void detach() {
        vm.pause();
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
    }

    @FXML
    private void initialize() {
        kindFilter.getItems().setAll(TimelineViewModel.KIND_GROUPS.keySet());
        kindFilter.valueProperty().bindBidirectional(vm.kindGroupProperty());
        personFilter.setItems(vm.people());
        personFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "Everyone" : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        personFilter.valueProperty().bindBidirectional(vm.personProperty());
        search.textProperty().bindBidirectional(vm.searchProperty());
        eventList.setItems(vm.entries());
        eventList.setCellFactory(v -> new EventCell());
        vm.entries().addListener((javafx.collections.ListChangeListener<TimelineService.Entry>) change -> {
            if (vm.atLiveEnd() && eventList.getSelectionModel().isEmpty()
                    && !vm.entries().isEmpty()) {
                eventList.scrollTo(vm.entries().size() - 1);
            }
        });
        vm.revealProperty().addListener((o, a, note) -> {
            int index = note == null ? -1 : eventList.getItems().indexOf(note);
            if (index >= 0) {
                eventList.getSelectionModel().select(index);
                eventList.scrollTo(index);
            }
        });
        vm.selectedProperty().bind(eventList.getSelectionModel().selectedItemProperty());
        vm.selectedProperty().addListener((o, a, e) -> detail.setText(vm.detail(e)));
        detail.setText(vm.detail(null));
        message.textProperty().bind(vm.messageProperty());

        scrubber.valueProperty().bindBidirectional(vm.positionProperty());
        speed.getItems().setAll(TimelineViewModel.SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : String.format("%.0f×", d);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("×", ""));
            }
        });
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        Timeline player = new Timeline(new KeyFrame(Duration.seconds(PLAY_STEP_SECONDS),
                e -> vm.advance(PLAY_STEP_SECONDS)));
        player.setCycleCount(Animation.INDEFINITE);
        vm.playingProperty().addListener((o, a, on) -> {
            play.setText(on ? "❚❚ Pause" : "▶ Play");
            if (on) {
                player.play();
            } else {
                player.stop();
            }
        });
        for (Column c : Column.values()) {
            Label title = new Label(c.title().toUpperCase());
            title.getStyleClass().add("replay-column-title");
            VBox col = new VBox(4, title);
            col.setId("replay-column-" + c.name());
            col.getStyleClass().add("replay-column");
            HBox.setHgrow(col, Priority.ALWAYS);
            col.setMaxWidth(Double.MAX_VALUE);
            replayColumns.put(c, col);
            replayBoard.getChildren().add(col);
        }
        vm.snapshotProperty().addListener((o, a, s) -> showSnapshot(s));
        reportProgress.progressProperty().bind(vm.reportProgressProperty());
        reportProgress.visibleProperty().bind(vm.reportRunningProperty());
        reportProgress.managedProperty().bind(vm.reportRunningProperty());
        cancelReport.visibleProperty().bind(vm.reportRunningProperty());
        cancelReport.managedProperty().bind(vm.reportRunningProperty());
        exportReport.disableProperty().bind(vm.reportRunningProperty());
    }

    private void showSnapshot(TimelineService.Snapshot s) {
        replayTime.setText(vm.replayTime(s));
        replayScale.setText(s.scale().name());
        replayIncident.setText(s.incident().label().toUpperCase());
        StringBuilder figures = new StringBuilder();
        for (Metric m : TimelineService.KEY_METRICS) {
            Double v = s.figures().get(m);
            String[] f = v == null ? new String[] {"—", ""} : FigureFormat.of(m, v);
            figures.append(m.label()).append(": ").append(f[0]).append(' ').append(f[1]).append("    ");
        }
        replayFigures.setText(figures.toString().strip());
        Board b = s.board();
        for (Map.Entry<Column, VBox> e : replayColumns.entrySet()) {
            VBox col = e.getValue();
            col.getChildren().remove(1, col.getChildren().size());
            String limit = b.policy().wipLimit(e.getKey()).map(l -> " / " + l.max()).orElse("");
            Label count = new Label(b.column(e.getKey()).size() + limit
                    + b.override(e.getKey()).map(ov -> " — override: " + ov.reason()).orElse(""));
            count.getStyleClass().add("replay-count");
            count.setWrapText(true);
            col.getChildren().add(count);
            for (Card c : b.column(e.getKey())) {
                Label card = new Label(c.title() + (c.assignee().isEmpty() ? "" : "  " + c.handle()));
                card.getStyleClass().addAll("replay-card", c.priority().name().toLowerCase());
                card.setWrapText(true);
                card.setMaxWidth(Double.MAX_VALUE);
                col.getChildren().add(card);
            }
        }
    }

    /** One event: time and crisis clock, who, what, and the figures of that moment. */
    private final class EventCell extends ListCell<TimelineService.Entry> {
        private final Label time = new Label();
        private final Label who = new Label();
        private final Label what = new Label();
        private final Label figures = new Label();
        private final VBox box = new VBox(2, new HBox(10, time, who), what, figures);

        EventCell() {
            time.getStyleClass().add("event-time");
            who.getStyleClass().add("event-actor");
            what.getStyleClass().add("event-summary");
            figures.getStyleClass().add("event-figures");
            what.setWrapText(true);
            what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.setMinWidth(0);
        }

        @Override
        protected void updateItem(TimelineService.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            time.setText(vm.clockOf(entry.event()));
            who.setText(entry.event().actor() + " · " + entry.event().kind().name().toLowerCase().replace('_', ' '));
            what.setText(entry.event().summary());
            String f = TimelineViewModel.figuresOf(entry);
            figures.setText(f);
            figures.setVisible(!f.isEmpty());
            figures.setManaged(!f.isEmpty());
            box.prefWidthProperty().bind(getListView().widthProperty().subtract(30));
            getStyleClass().removeIf(c -> c.startsWith("kind-"));
            getStyleClass().add("kind-" + entry.event().kind().name().toLowerCase().replace('_', '-'));
            setGraphic(box);
        }
    }

    @FXML
    private void addNote() {
        vm.addNote(false);
    }

    @FXML
    private void annotate() {
        vm.addNote(true);
    }

    @FXML
    private void exportReport() {
        vm.exportReport();
    }

    @FXML
    private void cancelReport() {
        vm.cancelReport();
    }

    @FXML
    private void reload() {
        vm.load();
    }

    @FXML
    private void togglePlay() {
        vm.togglePlay();
    }
}
