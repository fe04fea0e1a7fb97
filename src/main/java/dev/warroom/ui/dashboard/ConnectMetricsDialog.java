package dev.warroom.ui.dashboard;

import dev.warroom.domain.metric.Metric;
import dev.warroom.ui.Form;
import dev.warroom.ui.FormParts;
import dev.warroom.ui.dashboard.ConnectMetricsViewModel.Kind;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The "Connect metrics…" form: kind, name, URL and interval, then one row per metric key with its unit,
 * its query or JSON Pointer and what "Test connection" got. Save is the dialog's confirm button.
 */
public final class ConnectMetricsDialog extends Form<ConnectMetricsViewModel> {
    private final ConnectMetricsViewModel vm;

    public ConnectMetricsDialog(ConnectMetricsViewModel vm) {
        super("Connect metrics", "Connect a metrics source", "connect-metrics-dialog", "Save", "connect-save",
                ConnectMetricsViewModel::problem);
        this.vm = vm;
    }

    public ConnectMetricsViewModel viewModel() {
        return vm;
    }

    @Override
    public Fields<ConnectMetricsViewModel> build() {
        ComboBox<Kind> kind = FormParts.choice("connect-kind", Kind.values(), vm.kindProperty().get());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(Kind k) {
                return k == null ? "" : k.words();
            }

            @Override
            public Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setMinWidth(Region.USE_PREF_SIZE);
        kind.setPrefWidth(170);
        TextField name = FormParts.bound("connect-name", vm.nameProperty(), "a short name, e.g. prometheus");
        TextField url = FormParts.bound("connect-url", vm.urlProperty(), "http://127.0.0.1:9090");
        url.setPrefColumnCount(32);
        TextField interval = FormParts.bound("connect-interval", vm.intervalProperty(), "5s");
        interval.setPrefColumnCount(6);
        HBox where = new HBox(12, kind, new Label("Name"), name, new Label("Poll every"), interval);
        where.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (javafx.scene.Node n : where.getChildren()) {
            if (n instanceof Label l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        GridPane head = FormParts.grid(new FormParts.Row("Source", where), new FormParts.Row("URL", url));

        GridPane keys = new GridPane();
        keys.getStyleClass().addAll("form-grid", "connect-keys");
        keys.setHgap(10);
        keys.setVgap(4);
        ColumnConstraints keyColumn = new ColumnConstraints();
        keyColumn.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints unitColumn = new ColumnConstraints();
        unitColumn.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fieldColumn = new ColumnConstraints(240, 300, Double.MAX_VALUE);
        fieldColumn.setHgrow(Priority.ALWAYS);
        ColumnConstraints resultColumn = new ColumnConstraints(260, 320, Double.MAX_VALUE);
        resultColumn.setHgrow(Priority.ALWAYS);
        keys.getColumnConstraints().setAll(keyColumn, unitColumn, fieldColumn, resultColumn);
        Label fieldHeading = new Label();
        fieldHeading.textProperty().bind(vm.kindProperty().map(Kind::field));
        keys.addRow(0, heading("Metric key"), heading("Unit"), fieldHeading, heading("Test result"));
        fieldHeading.getStyleClass().add("connect-heading");
        int row = 1;
        for (Metric m : ConnectMetricsViewModel.KEYS) {
            Label key = new Label(m.key());
            key.getStyleClass().add("connect-key");
            Label unit = new Label(ConnectMetricsViewModel.unitHint(m));
            unit.getStyleClass().add("connect-unit");
            TextField field = FormParts.bound("connect-field-" + m.key(), vm.field(m), vm.prompt(m));
            vm.kindProperty().addListener((o, a, b) -> field.setPromptText(vm.prompt(m)));
            Label result = new Label();
            result.setId("connect-result-" + m.key());
            result.getStyleClass().add("connect-result");
            result.textProperty().bind(vm.result(m));
            result.setWrapText(true);
            result.setMinHeight(Region.USE_PREF_SIZE);
            result.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), false);
            vm.result(m).addListener((o, a, text) -> result.pseudoClassStateChanged(
                    javafx.css.PseudoClass.getPseudoClass("failed"), text.startsWith("failed") || text.contains(" — ")));
            keys.addRow(row++, key, unit, field, result);
        }
        Button test = new Button("Test connection");
        test.setId("connect-test");
        test.setOnAction(e -> vm.test());
        test.disableProperty().bind(vm.testingProperty());
        Label status = new Label();
        status.setId("connect-status");
        status.getStyleClass().add("connect-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox actions = new HBox(12, test, status);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label where2 = new Label(vm.metricsFile() == null
                ? "Save needs a metrics file: name one with \"metricsFile\" in the --config file."
                : "Save writes " + vm.metricsFile() + " and starts polling.");
        where2.getStyleClass().add("connect-note");
        where2.setWrapText(true);
        // the keys scroll on a small screen; the skin is made now so the dialog's re-check on every edit
        // finds the fields inside (a scroll pane shows its content only through its skin)
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(keys);
        scroll.setSkin(new javafx.scene.control.skin.ScrollPaneSkin(scroll));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("connect-scroll");
        double screen = javafx.stage.Screen.getPrimary().getVisualBounds().getHeight();
        scroll.setPrefViewportHeight(Math.max(200, Math.min(ConnectMetricsViewModel.KEYS.size() * 44 + 30, screen - 440)));
        VBox content = new VBox(10, head, scroll, actions, where2);
        content.setId("connect-form");
        content.setPrefWidth(1040);
        return new Fields<>(content, url, () -> vm, null);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("connect-heading");
        return l;
    }
}
