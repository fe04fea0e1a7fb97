package dev.warroom.ui.board;

import dev.warroom.domain.Column;
import java.util.List;
import java.util.Set;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One board column: header with count and rule, and its cards. Id {@code column-<NAME>}. */
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
    private final VBox cards = new VBox();
    private final java.util.Map<dev.warroom.domain.Priority, Label> headings =
            new java.util.EnumMap<>(dev.warroom.domain.Priority.class);
    private final Label empty = new Label();

    ColumnPane(Column column) {
        this.column = column;
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
        cards.getStyleClass().add("column-cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("column-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, scroll);
        HBox.setHgrow(this, Priority.ALWAYS);
        setMinWidth(170);
        setPrefWidth(260);
        setMaxWidth(Double.MAX_VALUE);
        empty.getStyleClass().add("column-empty");
    }

    Column column() {
        return column;
    }

    VBox cards() {
        return cards;
    }

    /** The heading over the cards of one priority (Backlog groups its cards by priority). */
    Label heading(dev.warroom.domain.Priority group) {
        return headings.computeIfAbsent(group, g -> {
            Label heading = new Label(g.name());
            heading.getStyleClass().addAll("priority-heading", g.name().toLowerCase());
            return heading;
        });
    }

    /** The note an empty column shows in place of cards. */
    Label emptyNote(String text) {
        empty.setText(text);
        return empty;
    }

    /**
     * Makes the column show {@code nodes} in this order, touching only what differs: nodes that stay keep their
     * place in the scene graph (no new styling, no new skin), so a move or an edit costs the nodes it changes.
     */
    void showCards(List<Node> nodes) {
        ObservableList<Node> shown = cards.getChildren();
        if (shown.equals(nodes)) {
            return;
        }
        Set<Node> wanted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        wanted.addAll(nodes);
        shown.removeIf(n -> !wanted.contains(n));
        for (int i = 0; i < nodes.size(); i++) {
            Node want = nodes.get(i);
            if (i < shown.size() && shown.get(i) == want) {
                continue;
            }
            if (want.getParent() == cards) {
                shown.remove(want);
            }
            shown.add(i, want);
        }
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
}
