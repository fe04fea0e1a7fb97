package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.warroom.store.Database;
import dev.warroom.testing.TestMetrics;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** No metric source running: the dashboard offers "Connect metrics…" and "Run the simulator", and both work. */
@ExtendWith(ApplicationExtension.class)
class MetricsEmptyStateUiTest {
    private Database db;
    private dev.warroom.testing.MainWindowFixture fixture;
    private HttpServer server;

    @Start
    void start(Stage stage) throws Exception {
        db = Database.open(Files.createTempDirectory("warroom-empty").resolve("empty"));
        Clock clock = Clock.systemUTC();
        fixture = dev.warroom.testing.MainWindowFixture.show(stage, db, clock, dev.warroom.testing.MainWindowFixture
                .options().theme(Theme.LIGHT).metrics(TestMetrics.none(clock)));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void runTheSimulatorFillsTheTilesAndTheOfferGoes(FxRobot robot) {
        robot.clickOn("#nav-dashboard");
        waitUntil(() -> robot.lookup("#metrics-empty").query().isVisible());
        robot.clickOn("#run-simulator");
        waitUntil(() -> value(robot, "error-rate").matches("[0-9.]+"));
        waitUntil(() -> !robot.lookup("#metrics-empty").query().isVisible());
        assertTrue(robot.lookup("#dashboard-message").queryAs(Label.class).getText().contains("SIMULATED"),
                robot.lookup("#dashboard-message").queryAs(Label.class).getText());
    }

    @Test
    void connectMetricsOpensTheFormAndTestsAConnection(FxRobot robot) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/now", exchange -> {
            byte[] body = "{\"errors\": 2.5}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        robot.clickOn("#nav-dashboard");
        robot.clickOn("#connect-metrics");
        waitUntil(() -> robot.lookup("#connect-metrics-dialog").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#connect-kind").queryComboBox().getSelectionModel().select(
                    dev.warroom.ui.dashboard.ConnectMetricsViewModel.Kind.JSON);
            robot.lookup("#connect-url").queryTextInputControl().setText("http://127.0.0.1:"
                    + server.getAddress().getPort() + "/now");
            robot.lookup("#connect-field-error-rate").queryTextInputControl().setText("/errors");
        });
        assertTrue(robot.lookup("#connect-form").queryAs(Node.class).lookupAll(".connect-unit").stream()
                .anyMatch(n -> ((Label) n).getText().equals("ms")), "each key shows its unit");
        robot.clickOn("#connect-test");
        waitUntil(() -> robot.lookup("#connect-result-error-rate").queryAs(Label.class).getText().equals("2.50 %"));
        waitUntil(() -> robot.lookup("#connect-status").queryAs(Label.class).getText().equals("1 of 1 key answered"));
        DialogPane pane = robot.lookup("#connect-metrics-dialog").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).fire());
        waitUntil(() -> robot.lookup("#connect-metrics-dialog").tryQuery().isEmpty());
        assertTrue(robot.lookup("#metrics-empty").query().isVisible(), "cancelled: still no source");
    }

    private static String value(FxRobot robot, String key) {
        Node tile = robot.lookup("#tile-" + key).query();
        return robot.from(tile).lookup(".tile-value").queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        dev.warroom.testing.FxWait.until(20, condition);
    }
}
