package dev.warroom.ui.board;

import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.domain.SlaState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The board's FXML controller: binds to {@link BoardViewModel} and turns gestures into its actions. While
 * shown it ticks the SLA clocks; its commands ({@link BoardCommands}) and the card keys come from the shell.
 */
public final class BoardView implements dev.warroom.ui.LiveView {
    private static final String DRAG_PREFIX = "warroom-card:";
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final PseudoClass BREACHED = PseudoClass.getPseudoClass("breached");

    private final BoardViewModel vm;
    private final dev.warroom.ui.ClockTicker ticker;
    private dev.warroom.ui.ClockTicker.Tick tick;
    private Parent root;
    private final Map<Column, ColumnPane> columns = new EnumMap<>(Column.class);
    private Long focusedCard;
    /** Set by this person's key or drop on a card: the next render scrolls the card into view. */
    private boolean revealFocus;

    @FXML private HBox columnBox;
    @FXML private VBox emptyState;
    @FXML private TextField search;
    @FXML private ComboBox<String> assigneeFilter;
    @FXML private ComboBox<Priority> priorityFilter;
    @FXML private Label breaches;
    @FXML private Label message;
    @FXML private Button undo;
    @FXML private Button newCard;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;

    private BoardView(BoardViewModel vm, dev.warroom.ui.ClockTicker ticker) {
        this.vm = vm;
        this.ticker = ticker;
    }

    /** The board view; it ticks on {@code ticker} while it is shown. */
    public static BoardView create(BoardViewModel vm, dev.warroom.ui.ClockTicker ticker) {
        BoardView view = new BoardView(vm, ticker);
        view.root = dev.warroom.ui.Fxml.load("board.fxml", view);
        return view;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void attach() {
        vm.tick();
        tick = ticker.subscribe("board", vm::tick);
        vm.refresh();
    }

    @Override
    public void detach() {
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
    }

    @FXML
    private void initialize() {
        for (Column c : Column.values()) {
            ColumnPane pane = new ColumnPane(c, this::newTile, this::showing);
            wireDrop(pane);
            columns.put(c, pane);
            columnBox.getChildren().add(pane);
        }
        search.textProperty().bindBidirectional(vm.searchProperty());
        priorityFilter.getItems().add(null);
        priorityFilter.getItems().addAll(Priority.values());
        priorityFilter.setConverter(converter("All priorities"));
        priorityFilter.valueProperty().bindBidirectional(vm.priorityFilterProperty());
        assigneeFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "Everyone" : s.isEmpty() ? "Unassigned" : "@" + s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        assigneeFilter.valueProperty().bindBidirectional(vm.assigneeFilterProperty());
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsProblemProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(PROBLEM, b));
        undo.disableProperty().bind(vm.undoLabelProperty().isEmpty());
        pauseButton.disableProperty().bind(vm.mayPauseFeaturesProperty().not());
        resumeButton.disableProperty().bind(vm.mayResumeFeaturesProperty().not());
        vm.undoLabelProperty().addListener((o, a, b) -> undo.setTooltip(b.isEmpty() ? null
                : new javafx.scene.control.Tooltip(b + " (Ctrl+Z)")));
        for (Observable o : List.of(vm.boardProperty(), vm.searchProperty(), vm.assigneeFilterProperty(),
                vm.priorityFilterProperty(), vm.loadedProperty())) {
            o.addListener(x -> render());
        }
        vm.nowProperty().addListener(x -> tick());
        render();
    }

    private void render() {
        boolean empty = vm.loadedProperty().get() && vm.board().isEmpty();
        emptyState.setVisible(empty);
        emptyState.setManaged(empty);
        columnBox.setVisible(!empty);
        List<String> people = new java.util.ArrayList<>();
        people.add(null);
        people.addAll(vm.assignees());
        people.add("");
        if (!assigneeFilter.getItems().equals(people)) {
            String keep = assigneeFilter.getValue();
            assigneeFilter.getItems().setAll(people);
            assigneeFilter.setValue(keep);
        }
        for (ColumnPane pane : columns.values()) {
            Column c = pane.column();
            pane.header(vm.columnCount(c), vm.columnRule(c), vm.full(c), vm.overLimit(c));
            List<Object> entries = new ArrayList<>();
            Priority group = null;
            for (Card card : vm.visible(c)) {
                if (c == Column.BACKLOG && card.priority() != group) {
                    group = card.priority();
                    entries.add(group);
                }
                entries.add(card);
            }
            pane.emptyNote(vm.columnPlaceholder());
            pane.showEntries(entries);
        }
        tick();
        keepFocus();
    }

    /**
     * A cell's tile may now show another card (the list gives cells to cards as it changes): when a card of this
     * board had the keyboard, the focus goes back to that card's tile, unless the person is typing somewhere else
     * (the search field, a filter). The column scrolls to it only after this person's own key or drop on the card:
     * someone else's change never scrolls a column away from where it was read.
     */
    private void keepFocus() {
        if (focusedCard == null || root.getScene() == null) {
            return;
        }
        Node owner = root.getScene().getFocusOwner();
        boolean parked = columns.values().stream().anyMatch(p -> p.holdsParkedFocus(owner));
        if (owner != null && !(owner instanceof CardTile) && !(owner instanceof ButtonBase) && !parked) {
            return;
        }
        boolean scroll = revealFocus;
        revealFocus = false;
        CardTile tile = scroll ? reveal(focusedCard) : shownTile(focusedCard);
        if (tile != null && !tile.isFocused()) {
            tile.requestFocus();
        }
    }

    /** The tile showing {@code card} now, without scrolling; null when it is out of view. */
    private CardTile shownTile(long card) {
        for (ColumnPane pane : columns.values()) {
            for (CardTile t : pane.shownTiles()) {
                if (t.getCard().id() == card) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The tile of {@code card}, scrolled into view in its column; null when no column lists it. */
    private CardTile reveal(long card) {
        for (ColumnPane pane : columns.values()) {
            if (pane.lists(card)) {
                pane.layout();
                return pane.reveal(card);
            }
        }
        return null;
    }

    /**
     * The clock moved: only cards whose texts or colours depend on the time (an open ETA, an SLA clock) are
     * touched, and a tile is only told what differs.
     */
    private void tick() {
        Instant now = vm.nowProperty().get();
        for (ColumnPane pane : columns.values()) {
            for (CardTile tile : pane.tilesInView()) {
                clock(tile, now);
            }
        }
        // one pass over the cards a second: the count and the text come from the same figure
        long breached = vm.breaches();
        String text = vm.breachText(breached);
        breaches.setText(text);
        breaches.setVisible(!text.isEmpty());
        breaches.pseudoClassStateChanged(BREACHED, breached > 0);
    }

    /** Brings a tile's countdowns to the board's time; only tiles whose texts depend on the time change. */
    private void clock(CardTile tile, Instant now) {
        Card card = tile.getCard();
        SlaState sla = vm.sla(card);
        if (card.etaOpen() && !now.equals(tile.nowProperty().get())) {
            tile.nowProperty().set(now);
        }
        if (!sla.equals(tile.slaProperty().get())) {
            tile.slaProperty().set(sla);
        }
    }

    /**
     * A tile now shows a card (newly made, or given to another card as the list scrolled or changed). When it is the
     * keyboard's card and the focus waits on the list for it, the focus comes back to it.
     */
    private void showing(CardTile tile) {
        clock(tile, vm.nowProperty().get());
        Scene scene = tile.getScene();
        if (focusedCard != null && tile.getCard().id() == focusedCard && scene != null
                && columns.values().stream().anyMatch(p -> p.holdsParkedFocus(scene.getFocusOwner()))) {
            Platform.runLater(() -> {
                if (tile.getScene() != null && tile.getCard().id() == focusedCard && !tile.isFocused()
                        && columns.values().stream().anyMatch(p -> p.holdsParkedFocus(scene.getFocusOwner()))) {
                    tile.requestFocus();
                }
            });
        }
    }

    /**
     * A new tile for a cell of a column. Its gestures act on the card the tile shows when they happen: a cell's
     * tile shows other cards as the list scrolls.
     */
    private CardTile newTile(Card card) {
        CardTile tile = new CardTile(card, vm.zone());
        tile.nowProperty().set(vm.nowProperty().get());
        tile.focusedProperty().addListener((o, a, b) -> {
            if (b) {
                focusedCard = tile.getCard().id();
            }
        });
        tile.setOnMouseClicked(e -> {
            tile.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.edit(tile.getCard().id());
            }
        });
        tile.setOnDragDetected(e -> {
            var db = tile.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(DRAG_PREFIX + tile.getCard().id());
            db.setContent(content);
            db.setDragView(tile.snapshot(null, null));
            e.consume();
        });
        // the menu is built when asked for, from the card as it is then (the control shows it after this filter)
        tile.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> tile.setContextMenu(menu(tile.getCard())));
        return tile;
    }

    private ContextMenu menu(Card card) {
        MenuItem edit = new MenuItem("Edit…");
        edit.setOnAction(e -> vm.edit(card.id()));
        Menu moveTo = new Menu("Move to");
        for (Column c : Column.values()) {
            MenuItem item = new MenuItem(c.title());
            item.setDisable(c == card.column());
            item.setOnAction(e -> vm.move(card.id(), c, vm.board().column(c).size()));
            moveTo.getItems().add(item);
        }
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(e -> vm.delete(card.id()));
        return new ContextMenu(edit, moveTo, delete);
    }

    /** Keys on the focused card: Alt+arrows move it, Enter/F2 edit, Delete deletes, arrows move the focus. */
    private boolean cardKey(Card card, KeyEvent e) {
        KeyCode k = e.getCode();
        if (e.isAltDown() || e.isShiftDown() && e.isControlDown()) {
            switch (k) {
                case RIGHT -> vm.shiftColumn(card.id(), 1);
                case LEFT -> vm.shiftColumn(card.id(), -1);
                case UP -> vm.shiftPosition(card.id(), -1);
                case DOWN -> vm.shiftPosition(card.id(), 1);
                default -> {
                    return false;
                }
            }
            focusedCard = card.id();
            revealFocus = true;
            return true;
        }
        switch (k) {
            case ENTER, F2 -> vm.edit(card.id());
            case DELETE, BACK_SPACE -> vm.delete(card.id());
            case UP, DOWN -> focusNeighbour(card, k == KeyCode.UP ? -1 : 1, 0);
            case LEFT, RIGHT -> focusNeighbour(card, 0, k == KeyCode.LEFT ? -1 : 1);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void focusNeighbour(Card card, int dy, int dx) {
        Column col = card.column();
        List<Card> here = vm.visible(col);
        if (dx == 0) {
            int i = here.indexOf(card) + dy;
            if (i >= 0 && i < here.size()) {
                focus(here.get(i).id());
            }
            return;
        }
        int ci = col.ordinal() + dx;
        while (ci >= 0 && ci < Column.values().length) {
            List<Card> there = vm.visible(Column.values()[ci]);
            if (!there.isEmpty()) {
                int i = Math.min(Math.max(0, here.indexOf(card)), there.size() - 1);
                focus(there.get(i).id());
                return;
            }
            ci += dx;
        }
    }

    private void focus(long card) {
        CardTile tile = reveal(card);
        if (tile != null) {
            focusedCard = card;
            tile.requestFocus();
        }
    }

    /** The board's commands: new card, undo, search, pause / resume, move or edit the focused card. */
    @Override
    public List<dev.warroom.ui.Command> commands() {
        return BoardCommands.of(vm, () -> focusedCard == null ? java.util.Optional.empty() : vm.board().card(focusedCard),
                search::requestFocus);
    }

    /** The shell hands over the key presses no command took: the focused card's keys. */
    @Override
    public boolean shortcut(KeyEvent e) {
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (focus instanceof CardTile t && t.getScene() == root.getScene() && t.getId() != null
                && columns.get(t.getCard().column()).lists(t.getCard().id())) {
            return cardKey(t.getCard(), e);
        }
        return false;
    }

    private void wireDrop(ColumnPane pane) {
        pane.setOnDragOver(e -> {
            if (draggedId(e) != null) {
                e.acceptTransferModes(TransferMode.MOVE);
                pane.pseudoClassStateChanged(ColumnPane.DROP_TARGET, true);
            }
            e.consume();
        });
        pane.setOnDragExited(e -> pane.pseudoClassStateChanged(ColumnPane.DROP_TARGET, false));
        pane.setOnDragDropped(e -> {
            Long id = draggedId(e);
            if (id == null) {
                e.setDropCompleted(false);
                return;
            }
            pane.pseudoClassStateChanged(ColumnPane.DROP_TARGET, false);
            focusedCard = id;
            revealFocus = true;
            vm.moveBefore(id, pane.column(), pane.cardBelow(e.getSceneY(), id));
            e.setDropCompleted(true);
            e.consume();
        });
    }

    private static Long draggedId(DragEvent e) {
        String s = e.getDragboard().hasString() ? e.getDragboard().getString() : null;
        if (s == null || !s.startsWith(DRAG_PREFIX)) {
            return null;
        }
        try {
            return Long.parseLong(s.substring(DRAG_PREFIX.length()));
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    @FXML
    private void newCard() {
        vm.newCard(Column.BACKLOG);
    }

    @FXML
    private void pauseFeatures() {
        vm.pauseFeatureWork();
    }

    @FXML
    private void resumeFeatures() {
        vm.resumeFeatureWork();
    }

    @FXML
    private void undo() {
        vm.undo();
    }

    @FXML
    private void editLimits() {
        vm.editLimits();
    }

    @FXML
    private void loadDemo() {
        vm.loadDemo();
    }

    private static StringConverter<Priority> converter(String none) {
        return new StringConverter<>() {
            @Override
            public String toString(Priority p) {
                return p == null ? none : p.label();
            }

            @Override
            public Priority fromString(String s) {
                return null;
            }
        };
    }
}
