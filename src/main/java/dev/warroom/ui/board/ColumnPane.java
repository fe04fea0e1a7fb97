package dev.warroom.ui.board;

import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One board column: header with count and rule, and its cards in a virtualised list. Only the cards in view have
 * nodes: a column of 400 cards costs the dozen tiles that fit on the screen, and a cell gives its tile to another
 * card when it scrolls. Id {@code column-<NAME>}; a shown card's tile has id {@code card-<id>}.
 */
final class ColumnPane extends VBox {
    static final PseudoClass OVER_LIMIT = PseudoClass.getPseudoClass("over-limit");
    static final PseudoClass AT_LIMIT = PseudoClass.getPseudoClass("at-limit");
    static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
    private static final String OVERRIDE = " — override: ";

    private final Column column;
    private final Label count = new Label();
    private final Label rule = new Label();
    /** Shown while an override holds the column over its limit; the reason is in its tooltip, never in the title. */
    private final Label override = new Label("override");
    private final javafx.scene.control.Tooltip overrideReason = new javafx.scene.control.Tooltip();
    /** Cards ({@link Card}) and, in Backlog, the priority headings ({@link dev.warroom.domain.Priority}) between them. */
    private final ListView<Object> list = new ListView<>();
    private final Label empty = new Label();
    /**
     * The cells the list made and still holds: it reuses them, so they are as many as fit on screen and a few more.
     * Held weakly: cells the list drops (when it makes all its cells again) go with it.
     */
    private final java.util.Set<CardCell> cells = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private final Function<Card, CardTile> newTile;
    private final Consumer<CardTile> showing;

    /**
     * {@code newTile} makes and wires a tile when a cell first needs one (its gestures read the tile's card when they happen,
     * since a cell's tile shows other cards as the list scrolls); {@code showing} hears of a tile that now shows a card.
     */
    ColumnPane(Column column, Function<Card, CardTile> newTile, Consumer<CardTile> showing) {
        this.column = column;
        this.newTile = newTile;
        this.showing = showing;
        setId("column-" + column.name());
        getStyleClass().addAll("board-column", "column-" + column.name().toLowerCase().replace('_', '-'));
        Label title = new Label(column.title().toUpperCase());
        title.getStyleClass().add("column-title");
        count.getStyleClass().add("column-count");
        count.setId("count-" + column.name());
        count.setWrapText(true);
        rule.getStyleClass().add("column-rule");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        override.setId("override-" + column.name());
        override.getStyleClass().add("column-override");
        override.setTooltip(overrideReason);
        override.setMinWidth(Region.USE_PREF_SIZE);
        override.setVisible(false);
        override.managedProperty().bind(override.visibleProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, title, spacer, override, count);
        top.getStyleClass().add("column-top");
        VBox header = new VBox(2, top, rule);
        header.getStyleClass().add("column-header");
        list.getStyleClass().add("column-cards");
        // the cards take the focus and the keys, not the list: no selection, no list focus, no list key handling
        list.setSelectionModel(null);
        list.setFocusModel(null);
        list.setFocusTraversable(false);
        list.setMinHeight(0);
        list.setCellFactory(v -> {
            CardCell cell = new CardCell();
            cells.add(cell);
            return cell;
        });
        empty.getStyleClass().add("column-empty");
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, list);
        HBox.setHgrow(this, Priority.ALWAYS);
        setMinWidth(170);
        setPrefWidth(260);
        setMaxWidth(Double.MAX_VALUE);
    }

    Column column() {
        return column;
    }

    /** The note an empty column shows in place of cards. */
    void emptyNote(String text) {
        empty.setText(text);
    }

    /**
     * Makes the column list {@code entries} (cards, and priorities for headings) in this order, changing only the
     * rows that differ: a row whose card is the same keeps its cell and tile untouched, so a move or an edit redraws
     * the rows it changed, and the list keeps its scroll position.
     */
    void showEntries(List<Object> entries) {
        ObservableList<Object> shown = list.getItems();
        if (shown.equals(entries)) {
            return;
        }
        int common = Math.min(shown.size(), entries.size());
        for (int i = 0; i < common; i++) {
            if (!shown.get(i).equals(entries.get(i))) {
                shown.set(i, entries.get(i));
            }
        }
        if (shown.size() > common) {
            shown.remove(common, shown.size());
        } else if (entries.size() > common) {
            shown.addAll(entries.subList(common, entries.size()));
        }
    }

    private static Object key(Object entry) {
        return entry instanceof Card c ? (Object) c.id() : entry;
    }

    /** Whether the keyboard waits on this column's list for its card to be shown again. */
    boolean holdsParkedFocus(Node focusOwner) {
        return focusOwner == list;
    }

    /** The tiles on screen now, top to bottom (a few at most, whatever the number of cards). */
    List<CardTile> shownTiles() {
        List<CardTile> out = tilesInView();
        out.sort(Comparator.comparingDouble(t -> t.localToScene(0, 0).getY()));
        return out;
    }

    /**
     * The tiles on screen now, in no order: from the list's own cells (a few dozen at most), without walking the
     * list's nodes. The board's tick asks for them every second.
     */
    List<CardTile> tilesInView() {
        List<CardTile> out = new ArrayList<>();
        for (CardCell cell : cells) {
            // the list hides the cells it keeps for later and drops the ones it no longer needs
            if (cell.getParent() != null && cell.isVisible() && cell.getGraphic() instanceof CardTile t) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether {@code card} is listed in this column (shown or scrolled out of view). */
    boolean lists(long card) {
        return indexOf(card) >= 0;
    }

    /**
     * Scrolls the least needed to bring the card fully into view and returns its tile, laid out and ready for the
     * focus, or null when the column does not list it.
     */
    CardTile reveal(long card) {
        int index = indexOf(card);
        if (index < 0) {
            return null;
        }
        CardTile tile = find(card);
        if (tile != null && fullyShown(tile)) {
            return tile;
        }
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            list.scrollTo(index);
            list.layout();
            return find(card);
        }
        if (tile != null) {
            scrollTo(flow, index, Scroll.JUST_INTO_VIEW);
        } else {
            var last = flow.getLastVisibleCell();
            boolean below = last != null && index > last.getIndex();
            scrollTo(flow, index, Scroll.TO_TOP);
            if (below) {
                // from above: the card comes in at the bottom edge, as if the list had scrolled down to it
                scrollTo(flow, index, Scroll.TO_BOTTOM);
            }
        }
        tile = find(card);
        if (tile != null && !fullyShown(tile)) {
            // the list measures rows it has not drawn by estimate: settle the last pixels on the drawn tile
            var b = flow.sceneToLocal(tile.localToScene(tile.getLayoutBounds()));
            double shift = b.getMaxY() > flow.getHeight() ? b.getMaxY() - flow.getHeight() : Math.min(0, b.getMinY());
            flow.scrollPixels(shift);
            flow.requestLayout();
            flow.layout();
            tile = find(card);
        }
        return tile;
    }

    private enum Scroll { TO_TOP, TO_BOTTOM, JUST_INTO_VIEW }

    private static <T extends javafx.scene.control.IndexedCell> void scrollTo(VirtualFlow<T> flow, int index,
            Scroll how) {
        switch (how) {
            case TO_TOP -> flow.scrollToTop(index);
            case TO_BOTTOM -> {
                T cell = flow.getVisibleCell(index);
                if (cell != null) {
                    flow.scrollToBottom(cell);
                }
            }
            case JUST_INTO_VIEW -> {
                T cell = flow.getVisibleCell(index);
                if (cell != null) {
                    flow.scrollTo(cell);
                }
            }
        }
        flow.requestLayout();
        flow.layout();
    }

    private boolean fullyShown(CardTile tile) {
        Node area = list.lookup(".virtual-flow");
        Region view = area instanceof Region r ? r : list;
        var b = view.sceneToLocal(tile.localToScene(tile.getLayoutBounds()));
        return b != null && b.getMinY() >= -0.5 && b.getMaxY() <= view.getHeight() + 0.5;
    }

    private CardTile find(long card) {
        for (CardTile t : shownTiles()) {
            if (t.getCard().id() == card) {
                return t;
            }
        }
        return null;
    }

    private int indexOf(long card) {
        List<Object> items = list.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Card c && c.id() == card) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The card a drop at {@code sceneY} goes before: the first shown card whose middle is below it; below every
     * shown card, the first card after them in the list (so a drop at the bottom of a scrolled column lands
     * there, not at the column's far end); null for the end of the column.
     */
    Long cardBelow(double sceneY, long dragged) {
        List<CardTile> shown = shownTiles();
        for (CardTile t : shown) {
            if (t.getCard().id() != dragged) {
                var b = t.localToScene(t.getBoundsInLocal());
                if (sceneY < b.getMinY() + b.getHeight() / 2) {
                    return t.getCard().id();
                }
            }
        }
        if (shown.isEmpty()) {
            return null;
        }
        List<Object> items = list.getItems();
        for (int i = indexOf(shown.get(shown.size() - 1).getCard().id()) + 1; i > 0 && i < items.size(); i++) {
            if (items.get(i) instanceof Card c && c.id() != dragged) {
                return c.id();
            }
        }
        return null;
    }

    /** A heading over the cards of one priority (Backlog groups its cards by priority). */
    private static Label heading(dev.warroom.domain.Priority group) {
        Label heading = new Label(group.name());
        heading.getStyleClass().addAll("priority-heading", group.name().toLowerCase());
        return heading;
    }

    /** {@code countText} is "2 / 1" or "2 / 1 — override: reason"; the reason goes to the marker's tooltip. */
    void header(String countText, String ruleText, boolean full, boolean overLimit) {
        int cut = countText.indexOf(OVERRIDE);
        count.setText(cut < 0 ? countText : countText.substring(0, cut));
        override.setVisible(cut >= 0);
        overrideReason.setText(cut < 0 ? "" : "WIP override: " + countText.substring(cut + OVERRIDE.length()));
        rule.setText(ruleText);
        pseudoClassStateChanged(AT_LIMIT, full);
        pseudoClassStateChanged(OVER_LIMIT, overLimit);
        count.pseudoClassStateChanged(OVER_LIMIT, overLimit);
    }

    /**
     * A row of the list: a card's tile or a priority heading. It shows its content only while the list shows the
     * cell, so a cell the list keeps in reserve holds no tile a search of the scene could find.
     */
    private final class CardCell extends ListCell<Object> {
        private CardTile tile;
        private final Map<dev.warroom.domain.Priority, Label> ownHeadings = new HashMap<>();

        CardCell() {
            getStyleClass().add("board-cell");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setText(null);
            setPrefWidth(0);
            visibleProperty().addListener((o, was, is) -> showContent());
        }

        @Override
        protected void updateItem(Object item, boolean isEmpty) {
            super.updateItem(item, isEmpty);
            showContent();
        }

        private void showContent() {
            Object item = getItem();
            if (!isVisible() || isEmpty() || item == null) {
                parkFocus();
                setGraphic(null);
                if (tile != null) {
                    tile.setId(null);
                }
                return;
            }
            if (item instanceof Card card) {
                if (tile == null) {
                    tile = newTile.apply(card);
                }
                tile.setShowsPriority(card.column() != Column.BACKLOG);
                if (!card.equals(tile.getCard())) {
                    if (tile.getCard().id() != card.id()) {
                        parkFocus();
                    }
                    tile.cardProperty().set(card);
                }
                tile.setId("card-" + card.id());
                setGraphic(tile);
                showing.accept(tile);
            } else if (item instanceof dev.warroom.domain.Priority p) {
                parkFocus();
                setGraphic(ownHeadings.computeIfAbsent(p, ColumnPane::heading));
            }
        }

        /**
         * The keyboard's card is leaving this cell's tile (scrolled out, moved, given another card): the focus waits
         * on the list, so that no key meant for that card reaches another, until its card is shown again.
         */
        private void parkFocus() {
            if (tile != null && tile.isFocused()) {
                list.requestFocus();
            }
        }

        /** The tile's wrapped title makes its height depend on the width it is given. */
        @Override
        protected double computePrefHeight(double width) {
            Node g = getGraphic();
            if (g == null) {
                return snappedTopInset() + snappedBottomInset();
            }
            double inner = width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
            return snappedTopInset() + g.prefHeight(inner) + snappedBottomInset();
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected double computePrefWidth(double height) {
            return 0;
        }

        @Override
        protected void layoutChildren() {
            Node g = getGraphic();
            if (g != null) {
                double w = Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
                g.resizeRelocate(snappedLeftInset(), snappedTopInset(), w, g.prefHeight(w));
            }
        }
    }
}
