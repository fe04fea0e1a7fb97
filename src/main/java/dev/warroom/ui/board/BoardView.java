package dev.warroom.ui.board;

import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
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
 * shown it ticks the SLA clocks; its keys (Ctrl+N, Ctrl+Z, Ctrl+F and the card keys) come from the shell.
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
    private final Map<Long, CardTile> tiles = new HashMap<>();
    private Long focusedCard;

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
            ColumnPane pane = new ColumnPane(c);
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
        tiles.clear();
        for (ColumnPane pane : columns.values()) {
            Column c = pane.column();
            pane.header(vm.columnCount(c), vm.columnRule(c), vm.full(c), vm.overLimit(c));
            List<Node> nodes = new java.util.ArrayList<>();
            Priority group = null;
            for (Card card : vm.visible(c)) {
                if (c == Column.BACKLOG && card.priority() != group) {
                    group = card.priority();
                    Label heading = new Label(group.name());
                    heading.getStyleClass().addAll("priority-heading", group.name().toLowerCase());
                    nodes.add(heading);
                }
                nodes.add(tile(card));
            }
            if (nodes.isEmpty()) {
                Label none = new Label(vm.columnPlaceholder());
                none.getStyleClass().add("column-empty");
                nodes.add(none);
            }
            pane.cards().getChildren().setAll(nodes);
        }
        tick();
        if (focusedCard != null && tiles.containsKey(focusedCard)) {
            tiles.get(focusedCard).requestFocus();
        }
    }

    private void tick() {
        for (CardTile tile : tiles.values()) {
            tile.nowProperty().set(vm.nowProperty().get());
            tile.slaProperty().set(vm.sla(tile.getCard()));
        }
        breaches.setText(vm.breachText());
        breaches.setVisible(!vm.breachText().isEmpty());
        breaches.pseudoClassStateChanged(BREACHED, vm.breaches() > 0);
    }

    private CardTile tile(Card card) {
        CardTile tile = new CardTile(card, vm.zone());
        tile.setShowsPriority(card.column() != Column.BACKLOG);
        tiles.put(card.id(), tile);
        tile.focusedProperty().addListener((o, a, b) -> {
            if (b) {
                focusedCard = card.id();
            }
        });
        tile.setOnMouseClicked(e -> {
            tile.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.edit(card.id());
            }
        });
        tile.setOnDragDetected(e -> {
            var db = tile.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(DRAG_PREFIX + card.id());
            db.setContent(content);
            db.setDragView(tile.snapshot(null, null));
            e.consume();
        });
        tile.setContextMenu(menu(card));
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
                tiles.get(here.get(i).id()).requestFocus();
            }
            return;
        }
        int ci = col.ordinal() + dx;
        while (ci >= 0 && ci < Column.values().length) {
            List<Card> there = vm.visible(Column.values()[ci]);
            if (!there.isEmpty()) {
                int i = Math.min(Math.max(0, here.indexOf(card)), there.size() - 1);
                tiles.get(there.get(i).id()).requestFocus();
                return;
            }
            ci += dx;
        }
    }

    /** The shell hands over key presses while the board is on screen. */
    @Override
    public boolean shortcut(KeyEvent e) {
        if (e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
            switch (e.getCode()) {
                case N -> {
                    vm.newCard(Column.BACKLOG);
                    return true;
                }
                case Z -> {
                    vm.undo();
                    return true;
                }
                case F -> {
                    search.requestFocus();
                    return true;
                }
                default -> {
                    // a card key, perhaps
                }
            }
        }
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        if (focus instanceof CardTile t && t.getScene() == root.getScene() && tiles.get(t.getCard().id()) == t) {
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
            vm.moveBefore(id, pane.column(), cardBelow(pane, e.getSceneY(), id));
            e.setDropCompleted(true);
            e.consume();
        });
    }

    /** The first card whose middle is below the drop point: the dropped card goes before it. */
    private Long cardBelow(ColumnPane pane, double sceneY, long dragged) {
        for (Node n : pane.cards().getChildren()) {
            if (n instanceof CardTile t && t.getCard().id() != dragged) {
                var b = t.localToScene(t.getBoundsInLocal());
                if (sceneY < b.getMinY() + b.getHeight() / 2) {
                    return t.getCard().id();
                }
            }
        }
        return null;
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
