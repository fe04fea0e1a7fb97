package dev.warroom.ui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.config.AppConfig;
import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.BoardService;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.store.Database;
import dev.warroom.testing.FxWait;
import dev.warroom.testing.MainWindowFixture;
import dev.warroom.testing.MutableClock;
import dev.warroom.testing.TestMetrics;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a screen reader can announce: on every view, every control the keyboard can reach has a name (its
 * accessible text, its own text, or a label pointing at it); cards, tiles and the banner say what they show.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleNamesUiTest {
    private Database db;
    private MainWindowFixture fixture;
    private Stage main;
    private Card card;

    @Start
    void start(Stage stage) throws Exception {
        main = stage;
        db = Database.open(Files.createTempDirectory("warroom-a11y").resolve("a11y"));
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        AppConfig config = ConfigLoader.load(null);
        BoardService seed = new BoardService(db, clock, "tester", config.initialPolicy());
        card = MainWindowFixture.offFxThread(() -> seed.create(CardDraft.of("Signup failing", "", CardKind.SCALING,
                Priority.CRITICAL, "alice", "2h", "", clock.instant(), ZoneOffset.UTC), Column.BACKLOG));
        fixture = MainWindowFixture.show(stage, db, clock, MainWindowFixture.options().config(config)
                .metrics(TestMetrics.none(clock)));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void everyFocusableControlOfEveryViewHasAName(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#card-" + card.id()).tryQuery().isPresent());
        List<String> nameless = new ArrayList<>();
        for (int view = 1; view <= 7; view++) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + view);
            robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
            FxWait.until(() -> true);
            String shown = fixture.window().shownView();
            Parent root = main.getScene().getRoot();
            Set<Node> labelled = new HashSet<>();
            walk(root, n -> {
                if (n instanceof Label l && l.getLabelFor() != null) {
                    labelled.add(l.getLabelFor());
                }
            });
            walk(root, n -> {
                if (n.isFocusTraversable() && n.isVisible() && !n.isDisabled() && !named(n, labelled)) {
                    nameless.add(shown + ": " + n);
                }
            });
        }
        assertEquals(List.of(), nameless, "controls a screen reader cannot name");
    }

    @Test
    void cardsTilesAndTheBannerSayWhatTheyShow(FxRobot robot) {
        FxWait.until(() -> robot.lookup("#card-" + card.id()).tryQuery().isPresent());
        String spoken = robot.lookup("#card-" + card.id()).query().getAccessibleText();
        assertTrue(spoken != null && spoken.contains("Signup failing") && spoken.toLowerCase(java.util.Locale.ROOT).contains("critical")
                && spoken.contains("@alice") && spoken.contains("Backlog"), spoken);
        String banner = robot.lookup("#severity-banner").query().getAccessibleText();
        assertFalse(banner == null || banner.isBlank(), "the severity banner has a spoken text");
        assertTrue(banner.toLowerCase(java.util.Locale.ROOT).contains("severity"), banner);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#tile-cpu").tryQuery().isPresent());
        String tile = robot.lookup("#tile-cpu").query().getAccessibleText();
        assertTrue(tile != null && tile.toLowerCase(java.util.Locale.ROOT).contains("cpu"), tile);
    }

    private static boolean named(Node n, Set<Node> labelled) {
        if (n.getAccessibleText() != null && !n.getAccessibleText().isBlank()) {
            return true;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            return true;
        }
        return labelled.contains(n);
    }

    /** Visits {@code n} and everything under it, skipping what a control's skin draws inside it. */
    private static void walk(Node n, java.util.function.Consumer<Node> visit) {
        visit.accept(n);
        if (n instanceof javafx.scene.control.Control && !(n instanceof javafx.scene.control.ScrollPane)
                && !(n instanceof javafx.scene.control.SplitPane) && !(n instanceof javafx.scene.control.TabPane)) {
            return;
        }
        if (n instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) {
            walk(s.getContent(), visit);
            return;
        }
        if (n instanceof javafx.scene.control.SplitPane s) {
            s.getItems().forEach(i -> walk(i, visit));
            return;
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> walk(c, visit));
        }
    }
}
