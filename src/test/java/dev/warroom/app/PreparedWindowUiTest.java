package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.DemoCrisis;
import dev.warroom.crisis.DisplayPreferences;
import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.store.Database;
import dev.warroom.testing.CountingTasks;
import dev.warroom.testing.MainWindowFixture;
import dev.warroom.testing.TestMetrics;
import dev.warroom.ui.ExecutorTaskRunner;
import dev.warroom.ui.comms.Chime;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.event.Event;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Skinnable;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app builds its main window on the opening thread while the opening screen shows, then the FX thread swaps it
 * in. Built that way, the window already holds its board, styled and laid out, and the saved theme; none of its
 * reads went through the app's runners (they ran in line on the building thread, where the store allows them);
 * once shown, its work goes through the runners again and a card moved down with the keyboard (Alt+Down) is stored.
 */
@ExtendWith(ApplicationExtension.class)
class PreparedWindowUiTest {
    private Stage stage;
    private Database db;
    private WarRoomContext context;
    private ExecutorService writer;
    private ExecutorService pool;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        OpeningScreen.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (context != null) {
            context.close();
        }
        writer.shutdownNow();
        pool.shutdownNow();
    }

    @Test
    void theWindowBuiltOffTheFxThreadHoldsItsBoardAndThemeAndWorksOnceShown(FxRobot robot) throws Exception {
        db = Database.open(Files.createTempDirectory("warroom-prepared").resolve("prepared"));
        new DemoCrisis(db, Clock.systemUTC(), "tester").load();
        new DisplayPreferences(db).saveTheme("dark");
        writer = Executors.newSingleThreadExecutor();
        pool = Executors.newSingleThreadExecutor();
        CountingTasks writes = new CountingTasks(new ExecutorTaskRunner(writer));
        CountingTasks background = new CountingTasks(new ExecutorTaskRunner(pool));
        context = WarRoomContext.builder(db, ConfigLoader.load(null), TestMetrics.none(Clock.systemUTC()))
                .clock(Clock.systemUTC(), ZoneOffset.UTC).runners(writes, background).build();

        MainWindow window = MainWindow.prepare(stage, context, Optional.empty(), Chime.silent(),
                new Rectangle2D(0, 0, 1366, 768));

        assertEquals(0, writes.calls() + background.calls(),
                "the window's first reads ran in line on the building thread, not through the app's runners");
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"),
                "the saved theme is every window's default: " + Application.getUserAgentStylesheet());
        Card first = new dev.warroom.crisis.BoardService(db, Clock.systemUTC(), "tester",
                ConfigLoader.load(null).initialPolicy()).board().column(Column.BACKLOG).get(0);
        Scene[] built = new Scene[1];
        String[] before = WaitForAsyncUtils.asyncFx(() -> {
            built[0] = window.builtScene();
            Node card = built[0].getRoot().lookup("#card-" + first.id());
            return new String[] {
                String.valueOf(built[0].getStylesheets().stream().anyMatch(s -> s.endsWith("styles/dark.css"))),
                String.valueOf(card instanceof Skinnable s && s.getSkin() != null),
                String.valueOf(card != null && card.getLayoutBounds().getHeight() > 0),
                String.valueOf(stage.getScene() != built[0])};
        }).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("true", "true", "true", "true"), List.of(before),
                "before it shows: dark stylesheets, the first backlog card styled and laid out, the opening screen "
                        + "still on the stage");

        robot.interact(() -> window.show());
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(built[0], stage.getScene(), "the built scene is the one shown");
        assertTrue(stage.isShowing());

        robot.interact(() -> {
            Node card = stage.getScene().getRoot().lookup("#card-" + first.id());
            card.requestFocus();
            Event.fireEvent(card, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.DOWN, false, false, true,
                    false));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stored(first.id()).position() == first.position() + 1);
        assertTrue(writes.calls() > 0, "once shown, the window's changes go through the app's writer");
    }

    @Test
    void buildingAheadIsRefusedOnTheFxThread() throws Exception {
        db = Database.open(Files.createTempDirectory("warroom-prepared").resolve("refused"));
        writer = Executors.newSingleThreadExecutor();
        pool = Executors.newSingleThreadExecutor();
        context = WarRoomContext.builder(db, ConfigLoader.load(null), TestMetrics.none(Clock.systemUTC()))
                .clock(Clock.systemUTC(), ZoneOffset.UTC)
                .runners(new ExecutorTaskRunner(writer), new ExecutorTaskRunner(pool)).build();
        IllegalStateException refused = WaitForAsyncUtils.asyncFx(() -> assertThrows(IllegalStateException.class,
                () -> MainWindow.prepare(stage, context, Optional.empty(), Chime.silent(),
                        new Rectangle2D(0, 0, 1366, 768)))).get(10, TimeUnit.SECONDS);
        assertTrue(refused.getMessage().contains("FX thread"), refused.getMessage());
    }

    private Card stored(long id) throws Exception {
        return MainWindowFixture.offFxThread(() -> new dev.warroom.crisis.BoardService(db, Clock.systemUTC(),
                "tester", ConfigLoader.load(null).initialPolicy()).board().card(id).orElseThrow());
    }
}
