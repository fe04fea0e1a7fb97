package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.app.MainWindow;
import dev.warroom.config.ConfigLoader;
import dev.warroom.store.Database;
import dev.warroom.testing.TestMetrics;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard on the built-in simulator, in real time: values arrive, a stopped source goes stale, charts open. */
@ExtendWith(ApplicationExtension.class)
class DashboardUiTest {
    private Database db;
    private dev.warroom.testing.MainWindowFixture fixture;

    @Start
    void start(Stage stage) throws Exception {
        db = Database.open(Files.createTempDirectory("warroom-dash").resolve("dash"));
        Clock clock = Clock.systemUTC();
        fixture = dev.warroom.testing.MainWindowFixture.show(stage, db, clock, dev.warroom.testing.MainWindowFixture
                .options().theme(Theme.DARK).metrics(TestMetrics.simulator(clock)));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void tilesShowSimulatorValuesAndGoStaleWhenTheSourceStops(FxRobot robot) {
        robot.clickOn("#nav-dashboard");
        waitUntil(() -> value(robot, "error-rate").matches("[0-9.]+"));
        assertTrue(value(robot, "p95-latency").matches("[0-9.]+"), value(robot, "p95-latency"));
        assertTrue(age(robot, "error-rate").contains("simulator"), age(robot, "error-rate"));
        assertTrue(robot.lookup("#severity-banner").tryQuery().isPresent());
        assertTrue(robot.lookup("#traffic-baseline").queryLabeled().getText().startsWith("Traffic 1x = 100 req/s"),
                "the dashboard says which baseline the traffic multiple uses");

        robot.clickOn("#source-toggle-simulator");
        // stopping turns every tile of the source STALE: it asks first, and Cancel keeps it polling
        waitUntil(() -> robot.lookup("Stop polling").tryQuery().isPresent());
        robot.clickOn("Cancel");
        PseudoClass stale = PseudoClass.getPseudoClass("stale");
        assertFalse(tile(robot, "error-rate").getPseudoClassStates().contains(stale));
        robot.clickOn("#source-toggle-simulator");
        waitUntil(() -> robot.lookup("Stop polling").tryQuery().isPresent());
        robot.clickOn("Stop polling");
        waitUntil(() -> tile(robot, "error-rate").getPseudoClassStates().contains(stale));
        assertTrue(age(robot, "error-rate").startsWith("STALE"), age(robot, "error-rate"));
        assertTrue(age(robot, "error-rate").contains("stopped"), age(robot, "error-rate"));

        robot.clickOn("#source-toggle-simulator");
        waitUntil(() -> !tile(robot, "error-rate").getPseudoClassStates().contains(stale));
    }

    @Test
    void clickingATileOpensItsChart(FxRobot robot) {
        robot.clickOn("#nav-dashboard");
        waitUntil(() -> value(robot, "cpu").matches("[0-9.]+"));
        waitUntil(() -> db.samples().series(dev.warroom.domain.metric.Metric.CPU, java.time.Instant.EPOCH,
                java.time.Instant.now().plusSeconds(60)).size() > 0);
        robot.clickOn("#tile-cpu");
        waitUntil(() -> robot.lookup("#metric-chart").tryQuery().isPresent());
        waitUntil(() -> status(robot).startsWith("Last 1 h · "));
        String status = status(robot);
        assertTrue(status.matches("Last 1 h · [0-9,]+ samples? · .*updates live"), status);
        assertTrue(!status.contains("pixel column") && !status.contains("stored points"), "plain words: " + status);
        robot.clickOn("#range-72h");
        waitUntil(() -> status(robot).startsWith("Last 72 h · "));
        robot.moveTo("#metric-chart");
        waitUntil(() -> robot.lookup("#chart-readout").queryAs(Label.class).getText().matches(
                "[0-9]{2}:[0-9]{2}:[0-9]{2} · .*"));
    }

    @Test
    void anOpenChartUpdatesLiveAndStopsWhenClosed(FxRobot robot) {
        robot.clickOn("#nav-dashboard");
        waitUntil(() -> value(robot, "cpu").matches("[0-9.]+"));
        waitUntil(() -> db.samples().series(dev.warroom.domain.metric.Metric.CPU, java.time.Instant.EPOCH,
                java.time.Instant.now().plusSeconds(60)).size() > 0);
        robot.clickOn("#tile-cpu");
        waitUntil(() -> robot.lookup("#chart-window").tryQuery().isPresent());
        dev.warroom.ui.dashboard.MetricChartView chart = (dev.warroom.ui.dashboard.MetricChartView) robot
                .lookup("#chart-window").query().getProperties().get(dev.warroom.ui.dashboard.MetricChartView.class);
        waitUntil(() -> samples(robot) > 0);
        int first = samples(robot);
        assertTrue(chart.live(), "the open window reads new samples");
        waitUntil(() -> samples(robot) > first);

        robot.interact(() -> chart.stage().close());
        assertTrue(!chart.live(), "closing the window stops its updates");
        int drawn = chart.refreshes();
        int stored = db.samples().series(dev.warroom.domain.metric.Metric.CPU, java.time.Instant.EPOCH,
                java.time.Instant.now().plusSeconds(60)).size();
        waitUntil(() -> db.samples().series(dev.warroom.domain.metric.Metric.CPU, java.time.Instant.EPOCH,
                java.time.Instant.now().plusSeconds(60)).size() > stored + 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.refreshes() == drawn, "no reads after closing: " + drawn + " then " + chart.refreshes());
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#chart-status").queryAs(Label.class).getText();
    }

    /** The number of samples the chart's status line says it shows (0 before the first read). */
    private static int samples(FxRobot robot) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("· ([0-9,]+) samples? ·").matcher(status(robot));
        return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : 0;
    }

    private static Node tile(FxRobot robot, String key) {
        return robot.lookup("#tile-" + key).query();
    }

    private static String value(FxRobot robot, String key) {
        return robot.from(tile(robot, key)).lookup(".tile-value").queryAs(Label.class).getText();
    }

    private static String age(FxRobot robot, String key) {
        return robot.from(tile(robot, key)).lookup(".tile-age").queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        dev.warroom.testing.FxWait.until(15, condition);
    }
}
