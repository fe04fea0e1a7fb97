package dev.warroom.ui.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.DemoCrisis;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import dev.warroom.testing.NoDialogs;
import dev.warroom.ui.ClockTicker;
import dev.warroom.ui.ExecutorTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The board updates by card id in virtualised columns: after any sequence of moves, edits, adds, deletes, filters and
 * ticks applied incrementally it shows what a board drawn from scratch shows, a change redraws only the rows it
 * changed, and a column of hundreds of cards has tiles only for what is in view while the keys reach every card.
 */
@ExtendWith(ApplicationExtension.class)
class BoardIncrementalUiTest {
    private Path dir;
    private Database db;
    private MutableClock clock;
    private BoardService service;
    private ExecutorService worker;
    private BoardViewModel vm;
    private BoardView view;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("warroom-board-incremental");
        db = Database.open(dir.resolve("board"));
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        service = new BoardService(db, clock, "tester", BoardPolicy.defaults());
        worker = Executors.newSingleThreadExecutor();
        vm = newViewModel();
        view = BoardView.create(vm, new ClockTicker());
        stage.setScene(new Scene((Parent) view.node(), 1400, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        worker.shutdown();
        assertTrue(worker.awaitTermination(10, TimeUnit.SECONDS));
        db.close();
    }

    private BoardViewModel newViewModel() {
        return new BoardViewModel(service, new DemoCrisis(db, clock, "tester"), new ExecutorTaskRunner(worker),
                new NoDialogs(), ZoneOffset.UTC);
    }

    @Test
    void randomChangesAppliedOneByOneLeaveTheBoardAFullRenderWouldDraw(FxRobot robot) throws Exception {
        Random random = new Random(14);
        for (int i = 0; i < 24; i++) {
            add(random, Column.values()[random.nextInt(Column.values().length)]);
        }
        showLatest(robot);
        for (int step = 1; step <= 160; step++) {
            change(random, robot);
            showLatest(robot);
            if (step % 20 == 0) {
                assertEquals(fullRender(robot), drawn(view), "after step " + step);
            }
        }
    }

    @Test
    void aMoveRedrawsOnlyTheCellsOfTheCardsItMoved(FxRobot robot) throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 40; i++) {
            add(random, Column.BACKLOG);
        }
        showLatest(robot);
        List<CardTile> before = shownTiles(robot);
        Map<CardTile, Long> cardOf = new IdentityHashMap<>();
        before.forEach(t -> cardOf.put(t, t.getCard().id()));
        int[] retold = {0};
        robot.interact(() -> before.forEach(t -> t.cardProperty().addListener((o, a, b) -> {
            if (a.id() != b.id()) {
                retold[0]++;
            }
        })));
        List<Card> backlog = service.board().column(Column.BACKLOG);
        Card moved = backlog.get(2);
        Card neighbour = backlog.get(3);
        assertEquals(moved.priority(), neighbour.priority(), "the seed keeps the two cards in one priority group");
        service.move(moved.id(), moved.version(), Column.BACKLOG, 3, null);
        showLatest(robot);
        List<CardTile> after = shownTiles(robot);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), after.get(i), "row " + i + " kept its tile node");
        }
        assertEquals(2, retold[0], "only the two rows whose card changed were given another card");
        for (CardTile t : after) {
            long id = t.getCard().id();
            if (id != moved.id() && id != neighbour.id()) {
                assertEquals(cardOf.get(t), id, "a row the move did not reach still shows its card");
            }
        }
        assertEquals(fullRender(robot), drawn(view));
        CardTile tile = after.stream().filter(t -> t.getCard().id() == moved.id()).findFirst().orElseThrow();
        assertNull(tile.getContextMenu(), "no context menu is built before one is asked for");
        robot.interact(() -> tile.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 1, 1, 1, 1,
                false, null)));
        assertNotNull(tile.getContextMenu());
        robot.interact(() -> tile.getContextMenu().hide());
    }

    @Test
    void aColumnOfHundredsOfCardsHasTilesOnlyForWhatIsInViewAndTheKeysReachEveryCard(FxRobot robot)
            throws Exception {
        longBacklog(400);
        showLatest(robot);
        int tiles = WaitForAsyncUtils.asyncFx(() -> view.node().lookupAll(".card").size()).get(30, TimeUnit.SECONDS);
        assertTrue(tiles > 3 && tiles < 60, "tiles for the cards in view, not for 400 cards: " + tiles);
        List<Card> backlog = service.board().column(Column.BACKLOG);
        robot.interact(() -> view.node().lookup("#card-" + backlog.get(0).id()).requestFocus());
        for (int i = 0; i < 120; i++) {
            key(robot, KeyCode.DOWN, false);
        }
        Card reached = backlog.get(120);
        assertEquals("card-" + reached.id(), focusedId(robot), "Down walked the focus 120 cards down the column");
        assertFullyInView(robot, reached.id());
        key(robot, KeyCode.DOWN, true);
        showLatest(robot);
        assertEquals(121, indexIn(Column.BACKLOG, reached.id()), "Alt+Down moved the focused card one place down");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("card-" + reached.id(), focusedId(robot), "the moved card keeps the keyboard");
        assertFullyInView(robot, reached.id());
        for (int i = 0; i < 300; i++) {
            key(robot, KeyCode.DOWN, false);
        }
        Card last = service.board().column(Column.BACKLOG).get(399);
        assertEquals("card-" + last.id(), focusedId(robot), "the focus reaches the last card");
        assertFullyInView(robot, last.id());
        tiles = WaitForAsyncUtils.asyncFx(() -> view.node().lookupAll(".card").size()).get(30, TimeUnit.SECONDS);
        assertTrue(tiles < 60, "scrolling made no tile for every card passed: " + tiles);
    }

    @Test
    void aFocusedCardScrolledOutOfViewLendsItsKeysToNoOtherCard(FxRobot robot) throws Exception {
        longBacklog(200);
        showLatest(robot);
        Card first = service.board().column(Column.BACKLOG).get(0);
        robot.interact(() -> view.node().lookup("#card-" + first.id()).requestFocus());
        robot.interact(() -> flow().scrollPixels(4_000));
        WaitForAsyncUtils.waitForFxEvents();
        String owner = WaitForAsyncUtils.asyncFx(() -> {
            Node focus = view.node().getScene().getFocusOwner();
            return focus instanceof CardTile t ? "tile of card " + t.getCard().id() : "not a card";
        }).get(30, TimeUnit.SECONDS);
        assertEquals("not a card", owner, "scrolled away, the focus is on no other card's tile");
        robot.interact(() -> {
            Node focus = view.node().getScene().getFocusOwner();
            KeyEvent delete = new KeyEvent(focus, focus, KeyEvent.KEY_PRESSED, "", "", KeyCode.DELETE, false, false,
                    false, false);
            assertFalse(view.shortcut(delete), "Delete reaches no card while the focused one is out of view");
        });
        robot.interact(() -> flow().scrollPixels(-8_000));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("card-" + first.id(), focusedId(robot), "scrolled back, the card has the keyboard again");
        assertEquals(200, service.board().column(Column.BACKLOG).size());
    }

    @Test
    void aDropBelowTheLastCardInViewLandsThereNotAtTheEndOfALongColumn(FxRobot robot) throws Exception {
        longBacklog(100);
        showLatest(robot);
        List<Card> backlog = service.board().column(Column.BACKLOG);
        Long[] before = new Long[1];
        long[] lastShown = new long[1];
        robot.interact(() -> {
            ColumnPane pane = (ColumnPane) view.node().lookup("#column-BACKLOG");
            List<CardTile> shown = pane.shownTiles();
            CardTile lastTile = shown.get(shown.size() - 1);
            lastShown[0] = lastTile.getCard().id();
            var b = lastTile.localToScene(lastTile.getLayoutBounds());
            // on the lower half of the last card in view
            before[0] = pane.cardBelow(b.getMinY() + b.getHeight() / 2 + 1, backlog.get(99).id());
        });
        int last = indexIn(Column.BACKLOG, lastShown[0]);
        assertTrue(last > 3 && last < 60, "the column is scrolled to its top: last card in view is #" + last);
        assertEquals(backlog.get(last + 1).id(), before[0],
                "dropped on the lower half of the last card in view, the card goes right after it, not after card 100");
    }

    private javafx.scene.control.skin.VirtualFlow<?> flow() {
        return (javafx.scene.control.skin.VirtualFlow<?>) view.node().lookup("#column-BACKLOG .virtual-flow");
    }

    /** {@code n} plain HIGH cards in Backlog, in order. */
    private void longBacklog(int n) {
        for (int i = 0; i < n; i++) {
            service.create(CardDraft.of("Card " + i + " of the long backlog", "", CardKind.SCALING, Priority.HIGH, "",
                    "", "", clock.instant(), ZoneOffset.UTC), Column.BACKLOG);
        }
    }

    private void key(FxRobot robot, KeyCode code, boolean alt) {
        robot.interact(() -> {
            Node focus = view.node().getScene().getFocusOwner();
            KeyEvent e = new KeyEvent(focus, focus, KeyEvent.KEY_PRESSED, "", "", code, false, false, alt, false);
            assertTrue(view.shortcut(e), "the board took " + code);
        });
    }

    private String focusedId(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.node().getScene().getFocusOwner().getId()).get(30,
                TimeUnit.SECONDS);
    }

    private int indexIn(Column column, long card) {
        List<Card> cards = service.board().column(column);
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i).id() == card) {
                return i;
            }
        }
        return -1;
    }

    private void assertFullyInView(FxRobot robot, long card) throws Exception {
        String where = WaitForAsyncUtils.asyncFx(() -> {
            Node tile = view.node().lookup("#card-" + card);
            Node list = view.node().lookup("#column-BACKLOG .column-cards");
            var t = tile.localToScene(tile.getLayoutBounds());
            var l = list.localToScene(list.getLayoutBounds());
            return t.getMinY() >= l.getMinY() - 0.5 && t.getMaxY() <= l.getMaxY() + 0.5 ? ""
                    : "tile " + t + " outside the list " + l;
        }).get(30, TimeUnit.SECONDS);
        assertEquals("", where, "card " + card + " is fully in view");
    }

    @Test
    void aCountdownTickLaysOutItsCardButNotTheColumn(FxRobot robot) throws Exception {
        Random random = new Random(5);
        for (int i = 0; i < 10; i++) {
            add(random, Column.BACKLOG);
        }
        Card timed = service.create(CardDraft.of("Shard sessions", "", CardKind.SCALING, Priority.CRITICAL, "ann",
                "2h", "", clock.instant(), ZoneOffset.UTC), Column.BACKLOG);
        showLatest(robot);
        CardTile tile = shownTiles(robot).stream().filter(t -> t.getCard().id() == timed.id()).findFirst()
                .orElseThrow();
        String etaBefore = text(tile, ".card-eta");
        clock.advance(Duration.ofMinutes(1));
        Parent column = (Parent) view.node().lookup("#column-BACKLOG .column-cards");
        boolean[] columnDirty = {true};
        boolean[] tileDirty = {false};
        robot.interact(() -> {
            vm.tick();
            columnDirty[0] = column.isNeedsLayout();
            tileDirty[0] = tile.isNeedsLayout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(etaBefore.equals(text(tile, ".card-eta")), "the countdown moved on: " + etaBefore);
        assertTrue(tileDirty[0], "the ticking card is laid out again");
        assertFalse(columnDirty[0], "the column of cards is not laid out for a countdown's new digits");
    }

    private void change(Random random, FxRobot robot) throws Exception {
        List<Card> cards = service.board().cards();
        int op = cards.isEmpty() ? 0 : random.nextInt(10);
        if (op <= 1) {
            add(random, Column.values()[random.nextInt(Column.values().length)]);
            return;
        }
        Card c = cards.get(random.nextInt(cards.size()));
        switch (op) {
            case 2, 3, 4 -> {
                Column target = Column.values()[random.nextInt(Column.values().length)];
                int size = service.board().column(target).size();
                service.move(c.id(), c.version(), target, random.nextInt(size + 1), "incremental test");
            }
            case 5, 6 -> service.edit(c.id(), c.version(), draft(random, c.kind()));
            case 7 -> service.delete(c.id(), c.version());
            case 8 -> {
                String search = random.nextBoolean() ? "" : String.valueOf(random.nextInt(10));
                robot.interact(() -> vm.searchProperty().set(search));
            }
            default -> {
                clock.advance(Duration.ofMinutes(random.nextInt(50)));
                robot.interact(vm::tick);
            }
        }
    }

    private void add(Random random, Column column) {
        CardKind kind = column == Column.PAUSED ? CardKind.FEATURE : CardKind.values()[random.nextInt(2)];
        Card added = service.create(draft(random, kind), Column.BACKLOG);
        if (column != Column.BACKLOG) {
            service.move(added.id(), added.version(), column, 0, "incremental test");
        }
    }

    private CardDraft draft(Random random, CardKind kind) {
        String[] etas = {"", "", "45m", "2h", "10:30"};
        String[] notes = {"", "", "waiting on DBA", "✓ resolved 14:32 by Alertmanager"};
        return CardDraft.of("Card " + random.nextInt(100) + " shard the sessions table", "", kind,
                Priority.values()[random.nextInt(Priority.values().length)], random.nextBoolean() ? "" : "dev"
                        + random.nextInt(4), etas[random.nextInt(etas.length)], notes[random.nextInt(notes.length)],
                clock.instant(), ZoneOffset.UTC);
    }

    /** Reads the board again and waits until the view model holds what the database holds. */
    private void showLatest(FxRobot robot) throws Exception {
        var expected = service.board();
        robot.interact(() -> {
            vm.tick();
            vm.refresh();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!expected.equals(vm.board()) && System.nanoTime() < deadline) {
            WaitForAsyncUtils.sleep(10, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(expected, vm.board());
        robot.interact(() -> view.node().getScene().getRoot().layout());
    }

    /** A new view over a new view model of the same board, filter and time, drawn once from scratch. */
    private Map<String, List<String>> fullRender(FxRobot robot) throws Exception {
        BoardViewModel fresh = newViewModel();
        String search = vm.searchProperty().get();
        BoardView[] other = new BoardView[1];
        robot.interact(() -> {
            fresh.searchProperty().set(search);
            other[0] = BoardView.create(fresh, new ClockTicker());
            new Scene((Parent) other[0].node(), 1400, 800);
            fresh.refresh();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!vm.board().equals(fresh.board()) && System.nanoTime() < deadline) {
            WaitForAsyncUtils.sleep(10, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> fresh.nowProperty().set(vm.nowProperty().get()));
        return drawn(other[0]);
    }

    /** Per column: its header texts, then each node of its card list with every text it shows and its states. */
    private static Map<String, List<String>> drawn(BoardView board) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Parent root = (Parent) board.node();
            root.applyCss();
            root.layout();
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (Column c : Column.values()) {
                ColumnPane pane = (ColumnPane) root.lookup("#column-" + c.name());
                List<String> lines = new ArrayList<>();
                lines.add("count " + ((Labeled) root.lookup("#count-" + c.name())).getText() + " "
                        + pane.getPseudoClassStates());
                List<Node> rows = new ArrayList<>();
                for (Node n : pane.lookupAll(".board-cell")) {
                    if (shown(n) && ((javafx.scene.control.ListCell<?>) n).getGraphic() != null) {
                        rows.add(((javafx.scene.control.ListCell<?>) n).getGraphic());
                    }
                }
                rows.sort(java.util.Comparator.comparingDouble(n -> n.localToScene(0, 0).getY()));
                rows.forEach(n -> lines.add(describe(n)));
                Node note = pane.lookup(".column-empty");
                if (note != null && note.getScene() != null && shown(note)) {
                    lines.add(describe(note));
                }
                out.put(c.name(), lines);
            }
            return out;
        }).get(30, TimeUnit.SECONDS);
    }

    /** Whether the node and every parent up to the scene are visible. */
    private static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Node n) {
        StringBuilder s = new StringBuilder(n.getClass().getSimpleName());
        if (n instanceof CardTile t) {
            s.append(" #").append(t.getCard().id()).append(' ').append(t.getPseudoClassStates());
        }
        s.append(' ').append(n.getStyleClass());
        List<Node> all = new ArrayList<>();
        all.add(n);
        if (n instanceof Parent p) {
            all.addAll(p.lookupAll(".label"));
        }
        for (Node x : all) {
            if (x instanceof Labeled l && x.isVisible() && x.isManaged()) {
                s.append(" | ").append(l.getStyleClass()).append('=').append(l.getText());
            }
        }
        return s.toString();
    }

    /** The tiles on screen, top to bottom. */
    private List<CardTile> shownTiles(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<CardTile> out = new ArrayList<>();
            for (Node n : view.node().lookupAll(".card")) {
                if (n instanceof CardTile t && t.getScene() != null) {
                    out.add(t);
                }
            }
            out.sort(java.util.Comparator.comparingDouble(t -> t.localToScene(0, 0).getY()));
            return out;
        }).get(30, TimeUnit.SECONDS);
    }

    private static String text(Node tile, String selector) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Labeled) tile.lookup(selector)).getText()).get(30, TimeUnit.SECONDS);
    }
}
