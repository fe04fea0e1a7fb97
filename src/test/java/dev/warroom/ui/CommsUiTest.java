package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.app.MainWindow;
import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.Metric;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import dev.warroom.ui.comms.Chime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A commander starts a crisis, watches the status-page update fall due, fills it and marks it sent. */
@ExtendWith(ApplicationExtension.class)
class CommsUiTest {
    private Database db;
    private MutableClock clock;
    private dev.warroom.testing.MainWindowFixture fixture;
    private final AtomicInteger chimes = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("warroom-comms-ui");
        db = Database.open(dir.resolve("comms"));
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        Map<Metric, Double> values = Map.of(Metric.TRAFFIC_MULTIPLE, 48.0, Metric.UPTIME, 99.2);
        LiveFigures figures = m -> Optional.ofNullable(values.get(m)).map(v -> new LiveFigures.Figure(m, v,
                clock.instant()));
        fixture = dev.warroom.testing.MainWindowFixture.show(stage, db, clock, dev.warroom.testing.MainWindowFixture
                .options().theme(Theme.DARK).chime(chimes::incrementAndGet).context(b -> b.figures(figures)));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void statusPageUpdateFallsDueIsFilledAndRecordedAsSent(FxRobot robot) {
        robot.clickOn("#start-crisis");
        robot.clickOn(robot.lookup("#crisis-dialog #crisis-name").queryAs(javafx.scene.Node.class)).write("Launch surge");
        robot.clickOn("#crisis-commander-input").write("@alice");
        robot.clickOn("#crisis-confirm");
        waitUntil(() -> text(robot, "#crisis-clock").equals("T+00:00"));
        waitUntil(() -> text(robot, "#crisis-phase").equals("Hour 0–6 · Recognise and respond"));
        assertEquals("Commander: @alice", text(robot, ".app-header #crisis-commander"));

        robot.clickOn("#nav-comms");
        waitUntil(() -> robot.lookup("#due-status-page").tryQuery().isPresent());
        robot.clickOn("#skip-war-room");
        robot.clickOn("#skip-reason").write("Everyone is already on the bridge call");
        robot.clickOn("#skip-dialog-confirm");
        waitUntil(() -> robot.lookup("#due-war-room").tryQuery().isEmpty());
        assertFalse(robot.lookup("#comms-due-banner").query().isVisible(), "nothing due after the skip");
        assertEquals("in 30m", text(robot, "#countdown-status-page"));

        int before = chimes.get();
        clock.advance(Duration.ofMinutes(30));
        waitUntil(() -> text(robot, "#countdown-status-page").equals("due now"));
        assertTrue(robot.lookup("#due-status-page").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("due")));
        waitUntil(() -> robot.lookup("#comms-due-banner").query().isVisible());
        assertTrue(text(robot, "#comms-due-banner").startsWith("Status page update is due now"),
                text(robot, "#comms-due-banner"));
        assertEquals("T+00:30", text(robot, "#crisis-clock"));
        assertTrue(chimes.get() > before, "the due chime sounds once the message falls due");

        robot.clickOn("#write-status-page");
        waitUntil(() -> preview(robot).contains("Investigating slower service"));
        waitUntil(() -> preview(robot).contains("48x of normal") && preview(robot).contains("by 12:30"));
        String sent = preview(robot);
        assertFalse(sent.contains("⟦missing"), sent);

        robot.interact(() -> robot.lookup("#template-editor").queryAs(TextArea.class).setText("Hi\n {{#fixed}}"));
        waitUntil(() -> text(robot, "#template-problem").contains("Line 2, column 2"));
        robot.clickOn("#write-status-page");
        waitUntil(() -> preview(robot).equals(sent));

        robot.clickOn("#mark-sent");
        waitUntil(() -> events().stream().anyMatch(e -> e.kind() == EventKind.COMMS_SENT));
        TimelineEvent e = events().stream().filter(x -> x.kind() == EventKind.COMMS_SENT).findFirst().orElseThrow();
        assertTrue(e.after().contains("\"channel\":\"status-page\""), e.after());
        assertTrue(e.after().contains(dev.warroom.crisis.StateJson.of(sent.strip())), e.after());
        assertTrue(e.summary().startsWith("Status page update sent at T+00:30"), e.summary());
        waitUntil(() -> text(robot, "#countdown-status-page").equals("in 2h"));
        waitUntil(() -> !robot.lookup("#comms-due-banner").query().isVisible());
        assertTrue(events().stream().anyMatch(x -> x.kind() == EventKind.COMMS_SKIPPED));
    }

    @Test
    void missingValuesAreTypedIntoFieldsAndASentMessageIsLocked(FxRobot robot) {
        robot.clickOn("#start-crisis");
        robot.clickOn(robot.lookup("#crisis-dialog #crisis-name").queryAs(javafx.scene.Node.class)).write("Launch surge");
        robot.clickOn("#crisis-commander-input").write("@alice");
        robot.clickOn("#crisis-confirm");
        waitUntil(() -> text(robot, "#crisis-clock").equals("T+00:00"));
        robot.clickOn("#nav-comms");
        waitUntil(() -> robot.lookup("#write-war-room").tryQuery().isPresent());
        robot.clickOn("#write-war-room");
        // nobody holds the comms lead role and no error rate is measured: a field for each, above the preview
        waitUntil(() -> robot.lookup("#fill-comms_lead").tryQuery().isPresent());
        assertTrue(robot.lookup("#fill-error_rate").tryQuery().isPresent());
        javafx.scene.control.Button markSent = robot.lookup("#mark-sent").queryAs(javafx.scene.control.Button.class);
        assertTrue(markSent.isDisabled(), "Mark as sent is disabled while a value is missing");
        assertTrue(text(robot, "#send-state").endsWith("values missing: fill them in above the preview."),
                text(robot, "#send-state"));
        assertFalse(preview(robot).contains("Next internal check-in"), "the one-off war room channel promises nothing");

        for (String name : List.of("severity", "comms_lead", "error_rate", "p95_latency")) {
            if (robot.lookup("#fill-" + name).tryQuery().isPresent()) {
                // as a keyboard user would: focus the field (it scrolls into view), then type
                javafx.scene.Node field = robot.lookup("#fill-" + name).query();
                robot.interact(field::requestFocus);
                robot.clickOn(field).write(name.equals("comms_lead") ? "@carol" : "n/a");
            }
        }
        waitUntil(() -> preview(robot).contains("go through @carol"));
        waitUntil(() -> !markSent.isDisabled());
        assertEquals("", text(robot, "#send-state"));

        robot.clickOn("#mark-sent");
        waitUntil(() -> sentCount() == 1);
        waitUntil(() -> "Send again…".equals(markSent.getText()));
        assertFalse(robot.lookup("#template-editor").queryAs(TextArea.class).isEditable(), "a sent message is locked");
        assertTrue(text(robot, "#send-state").startsWith("Sent at 10:00"), text(robot, "#send-state"));

        robot.clickOn("#mark-sent");
        waitUntil(() -> robot.lookup("Record again").tryQuery().isPresent());
        robot.clickOn("Cancel");
        assertEquals(1, sentCount(), "a second send needs a confirmation");
    }

    private long sentCount() {
        return events().stream().filter(e -> e.kind() == EventKind.COMMS_SENT).count();
    }

    @Test
    void crisisViewShowsPhaseHandsOverCommandAndDeclaresStable(FxRobot robot) {
        robot.clickOn("#start-crisis");
        robot.clickOn(robot.lookup("#crisis-dialog #crisis-name").queryAs(javafx.scene.Node.class)).write("Launch surge");
        robot.clickOn("#crisis-start").write("7h ago");
        robot.clickOn("#crisis-commander-input").write("alice");
        robot.clickOn("#crisis-confirm");
        waitUntil(() -> text(robot, "#crisis-phase").equals("Hour 6–24 · Stabilise"));
        robot.clickOn("#nav-crisis");
        waitUntil(() -> text(robot, "#holder-incident-commander").equals("@alice"));
        robot.clickOn("#assign-incident-commander");
        robot.clickOn("#role-holder").write("bob");
        robot.clickOn("#role-dialog-confirm");
        waitUntil(() -> text(robot, ".app-header #crisis-commander").equals("Commander: @bob"));
        assertTrue(events().stream().anyMatch(x -> x.kind() == EventKind.ROLE_ASSIGNED
                && x.summary().equals("Incident commander handed over from alice to bob")));

        robot.clickOn("#declare-stable");
        robot.clickOn("Declare stable");
        waitUntil(() -> events().stream().anyMatch(x -> x.kind() == EventKind.CRISIS_ENDED));
        waitUntil(() -> text(robot, "#crisis-clock").equals("T+--:--"));
        assertTrue(text(robot, "#crisis-message").contains("within the 72 h target"), text(robot, "#crisis-message"));
    }

    private List<TimelineEvent> events() {
        return db.read(tx -> tx.latestEvents(50));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String preview(FxRobot robot) {
        return robot.lookup("#template-preview").queryAs(TextArea.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        dev.warroom.testing.FxWait.until(10, condition);
    }
}
