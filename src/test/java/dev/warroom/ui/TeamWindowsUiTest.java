package dev.warroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.config.AppConfig;
import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.MoveResult;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.store.Database;
import dev.warroom.store.TeamAddress;
import dev.warroom.store.TeamDatabase;
import dev.warroom.testing.FxWait;
import dev.warroom.testing.MainWindowFixture;
import dev.warroom.testing.PostgresCluster;
import dev.warroom.testing.PostgresExtension;
import dev.warroom.testing.TcpRelay;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Two War Room windows in one JVM on one team database (PostgreSQL): alice's connects directly, bob's
 * through a relay the test can cut. What one does appears in the other; the database settles a race and the
 * losing window says so; a window whose database goes away says so, refuses edits and catches up when it is
 * back; the header names who else is in the room.
 */
@ExtendWith({PostgresExtension.class, ApplicationExtension.class})
class TeamWindowsUiTest {
    private static final Pattern UNREACHABLE =
            Pattern.compile("team database unreachable since \\d\\d:\\d\\d — read-only, retrying");

    private TcpRelay relay;
    private MainWindowFixture alice;
    private MainWindowFixture bob;
    private Stage aliceStage;
    private Stage bobStage;
    private Database aliceDb;
    private Database bobDb;
    private Card signup;
    private Card cdn;
    private Card cache;

    @Start
    void start(Stage stage) throws Exception {
        PostgresCluster pg = PostgresExtension.cluster();
        String name = PostgresExtension.newDatabase();
        relay = TcpRelay.to(pg.host(), pg.port());
        aliceDb = MainWindowFixture.offFxThread(() -> TeamDatabase.open(
                new TeamAddress(pg.host(), pg.port(), name, PostgresCluster.SUPERUSER),
                TeamDatabase.Options.of("alice", "laptop")));
        bobDb = MainWindowFixture.offFxThread(() -> TeamDatabase.open(
                new TeamAddress("127.0.0.1", relay.port(), name, PostgresCluster.SUPERUSER),
                TeamDatabase.Options.of("bob", "laptop")));
        AppConfig defaults = ConfigLoader.load(null);
        BoardService seed = new BoardService(aliceDb, Clock.systemUTC(), "seed", defaults.initialPolicy());
        MainWindowFixture.offFxThread(() -> {
            signup = seed.create(draft("Signup failing"), Column.BACKLOG);
            cdn = seed.create(draft("CDN setup"), Column.BACKLOG);
            cdn = ((MoveResult.Moved) seed.move(cdn.id(), cdn.version(), Column.IN_PROGRESS, 0, null)).card();
            cache = seed.create(draft("Cache stampede"), Column.REVIEW);
            return null;
        });
        aliceStage = stage;
        alice = MainWindowFixture.show(stage, aliceDb, Clock.systemUTC(),
                MainWindowFixture.options().config(as("alice", defaults)));
        bobStage = new Stage();
        bob = MainWindowFixture.show(bobStage, bobDb, Clock.systemUTC(),
                MainWindowFixture.options().config(as("bob", defaults)));
    }

    private static AppConfig as(String actor, AppConfig c) {
        return new AppConfig(actor, c.board(), c.comms(), c.metricsFile(), c.alertRulesFile(), c.wall(), c.receiver(),
                c.channels());
    }

    private static CardDraft draft(String title) {
        return CardDraft.of(title, "", CardKind.SCALING, Priority.HIGH, "", "", "", java.time.Instant.now(),
                ZoneOffset.UTC);
    }

    @AfterEach
    void close() throws Exception {
        if (bob != null) {
            bob.close();
        }
        if (alice != null) {
            alice.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    private static Parent root(Stage stage) {
        return stage.getScene().getRoot();
    }

    private static List<String> titlesIn(FxRobot robot, Stage stage, Column column) {
        Pane pane = robot.from(root(stage)).lookup("#column-" + column.name()).queryAs(Pane.class);
        return robot.from(pane).lookup(".card-title").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static String text(FxRobot robot, Stage stage, String id) {
        Optional<Label> l = robot.from(root(stage)).lookup(id).tryQueryAs(Label.class);
        return l.map(Label::getText).orElse("");
    }

    private static boolean shown(FxRobot robot, Stage stage, String id) {
        return robot.from(root(stage)).lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static Node tile(FxRobot robot, Stage stage, Card card) {
        return robot.from(root(stage)).lookup("#card-" + card.id()).query();
    }

    /** Alt+Right / Alt+Left on a focused card, as the keyboard sends it to that window. */
    private static void altKey(Node tile, KeyCode code) {
        Event.fireEvent(tile, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, true, false));
    }

    @Test
    void aCardMovedInOneWindowAppearsInTheOtherWithinASecondAndTheHeaderNamesWhoIsHere(FxRobot robot)
            throws Exception {
        FxWait.until(() -> titlesIn(robot, bobStage, Column.BACKLOG).contains("Signup failing")
                && titlesIn(robot, aliceStage, Column.BACKLOG).contains("Signup failing"));
        FxWait.until(() -> text(robot, aliceStage, "#team-present").equals("bob")
                && text(robot, bobStage, "#team-present").equals("alice"));
        assertTrue(shown(robot, aliceStage, "#team-present"));
        assertTrue(text(robot, aliceStage, "#database-location").endsWith(" · connected"),
                text(robot, aliceStage, "#database-location"));
        assertTrue(text(robot, aliceStage, "#database-location").contains("team database "),
                text(robot, aliceStage, "#database-location"));

        robot.interact(aliceStage::toFront);
        Node review = robot.from(root(aliceStage)).lookup("#column-REVIEW").query();
        robot.drag(tile(robot, aliceStage, signup)).dropTo(review);
        FxWait.until(() -> titlesIn(robot, aliceStage, Column.REVIEW).contains("Signup failing"));
        long shownInAlice = System.nanoTime();
        FxWait.until(() -> titlesIn(robot, bobStage, Column.REVIEW).contains("Signup failing"));
        long tookMs = (System.nanoTime() - shownInAlice) / 1_000_000;
        assertTrue(tookMs < 1000, "bob's window showed alice's move after " + tookMs + " ms");
        assertFalse(titlesIn(robot, bobStage, Column.BACKLOG).contains("Signup failing"));

        MainWindowFixture leaving = bob;
        bob = null;
        leaving.context().close();
        FxWait.until(() -> text(robot, aliceStage, "#team-present").equals("only you"));
    }

    @Test
    void theLosingSideOfARaceSeesThePlainConflictMessageAndTheNewState(FxRobot robot) {
        FxWait.until(() -> titlesIn(robot, bobStage, Column.IN_PROGRESS).contains("CDN setup")
                && titlesIn(robot, aliceStage, Column.IN_PROGRESS).contains("CDN setup"));
        Node aliceTile = tile(robot, aliceStage, cdn);
        Node bobTile = tile(robot, bobStage, cdn);
        robot.interact(() -> {
            aliceTile.requestFocus();
            bobTile.requestFocus();
            // both windows move the card they see, in the same instant: alice to Review, bob back to Backlog
            altKey(aliceTile, KeyCode.RIGHT);
            altKey(bobTile, KeyCode.LEFT);
        });
        FxWait.until(() -> text(robot, aliceStage, "#board-message").contains("your move was not applied")
                || text(robot, bobStage, "#board-message").contains("your move was not applied"));
        boolean aliceWon = text(robot, bobStage, "#board-message").contains("your move was not applied");
        Stage loser = aliceWon ? bobStage : aliceStage;
        String winner = aliceWon ? "alice" : "bob";
        Column won = aliceWon ? Column.REVIEW : Column.BACKLOG;
        Column lost = aliceWon ? Column.BACKLOG : Column.REVIEW;
        assertEquals("\"CDN setup\" was moved by " + winner + " ", text(robot, loser, "#board-message")
                .substring(0, ("\"CDN setup\" was moved by " + winner + " ").length()));
        assertTrue(text(robot, loser, "#board-message").endsWith(" to " + won.name().replace('_', ' ')
                + " — your move was not applied."), text(robot, loser, "#board-message"));
        for (Stage s : List.of(aliceStage, bobStage)) {
            FxWait.until(() -> titlesIn(robot, s, won).contains("CDN setup"));
            assertFalse(titlesIn(robot, s, lost).contains("CDN setup"));
            assertFalse(titlesIn(robot, s, Column.IN_PROGRESS).contains("CDN setup"));
        }
        Stage winnerStage = aliceWon ? aliceStage : bobStage;
        assertFalse(text(robot, winnerStage, "#board-message").contains("not applied"));
    }

    @Test
    void aWindowWhoseTeamDatabaseGoesAwaySaysSoRefusesEditsAndCatchesUpWhenItIsBack(FxRobot robot)
            throws Exception {
        FxWait.until(() -> titlesIn(robot, bobStage, Column.REVIEW).contains("Cache stampede"));
        long cutAt = System.nanoTime();
        relay.cut();
        FxWait.until(() -> UNREACHABLE.matcher(text(robot, bobStage, "#read-only-banner")).matches());
        long tookMs = (System.nanoTime() - cutAt) / 1_000_000;
        assertTrue(tookMs < 2000, "bob's window said so after " + tookMs + " ms");
        assertTrue(shown(robot, bobStage, "#read-only-banner"));
        assertTrue(text(robot, bobStage, "#database-location").matches(
                "Database: team database .* · unreachable since \\d\\d:\\d\\d, retrying"),
                text(robot, bobStage, "#database-location"));
        assertTrue(titlesIn(robot, bobStage, Column.REVIEW).contains("Cache stampede"), "the last state stays");
        assertFalse(shown(robot, aliceStage, "#read-only-banner"), "alice's connection is fine");

        Node bobTile = tile(robot, bobStage, cache);
        robot.interact(() -> {
            bobTile.requestFocus();
            altKey(bobTile, KeyCode.RIGHT);
        });
        String banner = text(robot, bobStage, "#read-only-banner");
        FxWait.until(() -> !text(robot, bobStage, "#board-message").isEmpty());
        assertEquals("Not saved: " + banner, text(robot, bobStage, "#board-message"));

        Node aliceTile = tile(robot, aliceStage, cache);
        robot.interact(() -> {
            aliceTile.requestFocus();
            altKey(aliceTile, KeyCode.RIGHT);
        });
        FxWait.until(() -> titlesIn(robot, aliceStage, Column.DONE).contains("Cache stampede"));
        assertTrue(titlesIn(robot, bobStage, Column.REVIEW).contains("Cache stampede"),
                "bob cannot see alice's move while cut off");

        relay.restore();
        FxWait.until(30, () -> !shown(robot, bobStage, "#read-only-banner")
                && text(robot, bobStage, "#database-location").endsWith(" · connected"));
        FxWait.until(() -> titlesIn(robot, bobStage, Column.DONE).contains("Cache stampede"));
        assertEquals(Column.DONE, MainWindowFixture.offFxThread(() -> bobDb.read(tx -> tx.cards()).stream()
                .filter(c -> c.id() == cache.id()).findFirst().orElseThrow().column()));
    }
}
