package dev.warroom.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.AlertRule;
import dev.warroom.domain.metric.AlertSeverity;
import dev.warroom.domain.metric.AlertState;
import dev.warroom.domain.metric.AlertStatus;
import dev.warroom.domain.metric.Comparison;
import dev.warroom.domain.metric.Metric;
import dev.warroom.ui.Theme;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An alert's name wraps in a narrow alert list instead of ending in "…" (seen at 1366×768). */
@ExtendWith(ApplicationExtension.class)
class AlertRowWrapUiTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final AlertRule POOL = new AlertRule("pool", "Database connection pool nearly exhausted",
            Metric.DB_CONNECTIONS_FREE, Comparison.BELOW, 5, Duration.ofMinutes(1), AlertSeverity.CRITICAL,
            "Scale the database");
    private ListView<AlertStatus> list;

    @Start
    void start(Stage stage) {
        list = new ListView<>(FXCollections.observableArrayList(
                new AlertStatus(POOL, AlertState.PENDING, null, 3, T0, null)));
        list.getStyleClass().add("alert-list");
        list.setCellFactory(v -> new DashboardView.AlertCell());
        // a column as narrow as the alert list at 1366x768, whatever size an earlier test left the stage at
        list.setMinWidth(360);
        list.setPrefWidth(360);
        list.setMaxWidth(360);
        Scene scene = new Scene(new javafx.scene.layout.HBox(list), 360, 300);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aLongAlertNameWrapsWhole() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        String[] drawn = WaitForAsyncUtils.asyncFx(() -> {
            list.applyCss();
            list.layout();
            Label name = (Label) list.lookup(".alert-name");
            Text text = (Text) name.lookup(".text");
            return new String[] {name.getText(), text.getText(), String.valueOf(name.getHeight()),
                    String.valueOf(name.getFont().getSize())};
        }).get(30, TimeUnit.SECONDS);
        assertEquals(drawn[0], drawn[1], "the name is drawn whole");
        assertTrue(Double.parseDouble(drawn[2]) > 1.8 * Double.parseDouble(drawn[3]),
                "it takes a second line: height " + drawn[2]);
    }
}
