package dev.warroom.ui.board;

import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Eta;
import dev.warroom.domain.SlaState;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Lays out a {@link CardTile}: badges, title, who and when, status, SLA countdown. */
final class CardTileSkin extends SkinBase<CardTile> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private final Label priority = styled(new Label(), "card-priority");
    private final Label kind = styled(new Label(), "card-kind");
    private final Label title = styled(new Label(), "card-title");
    private final Label assignee = styled(new Label(), "card-assignee");
    private final Label eta = styled(new Label(), "card-eta");
    private final Label status = styled(new Label(), "card-status");
    private final Label sla = styled(new Label(), "card-sla");
    private final javafx.event.EventHandler<MouseEvent> showTip = e -> tooltipOnHover();
    /** The card the installed tooltip describes; null when there is none yet or the card changed. */
    private Card tipFor;
    /** Who and when: the ETA goes onto a line of its own when a narrow column has no room beside the name. */
    private final FlowPane meta;
    private final VBox box;

    CardTileSkin(CardTile tile) {
        super(tile);
        title.setWrapText(true);
        priority.setMinWidth(Region.USE_PREF_SIZE);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        assignee.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        // a status note is up to 40 characters ("✓ resolved 14:32 by Alertmanager"): on a narrow column it
        // wraps onto a second line instead of ending in "…"
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox badges = new HBox(6, priority, kind, spacer, status);
        badges.getStyleClass().add("card-badges");
        meta = new FlowPane(10, 2, assignee, eta);
        meta.getStyleClass().add("card-meta");
        box = new VBox(4, badges, title, meta, sla);
        box.getStyleClass().add("card-body");
        getChildren().add(box);
        registerChangeListener(tile.cardProperty(), o -> {
            tipFor = null;
            if (tile.getTooltip() != null) {
                tooltipOnHover();
            }
            update();
        });
        registerChangeListener(tile.slaProperty(), o -> updateClock());
        registerChangeListener(tile.nowProperty(), o -> updateClock());
        // the tooltip is built when the pointer first comes over the card, not for every card on the board
        tile.addEventHandler(MouseEvent.MOUSE_ENTERED, showTip);
        update();
    }

    @Override
    public void dispose() {
        getSkinnable().removeEventHandler(MouseEvent.MOUSE_ENTERED, showTip);
        super.dispose();
    }

    private void tooltipOnHover() {
        Card c = getSkinnable().getCard();
        if (tipFor != c) {
            tipFor = c;
            tooltip();
        }
    }

    private void tooltip() {
        Card c = getSkinnable().getCard();
        StringBuilder tip = new StringBuilder(c.title());
        if (!c.statusNote().isEmpty()) {
            tip.append("\nStatus: ").append(c.statusNote());
        }
        if (!c.publicSummary().isEmpty()) {
            tip.append("\nFor customers: ").append(c.publicSummary());
        }
        if (!c.description().isEmpty()) {
            tip.append("\n\n").append(c.description());
        }
        java.time.format.DateTimeFormatter hm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        tip.append("\nCreated ").append(hm.format(c.createdAt().atZone(getSkinnable().zone())))
                .append(" · last moved ").append(hm.format(c.movedAt().atZone(getSkinnable().zone())))
                .append(" · in ").append(c.column().title()).append(" since ")
                .append(hm.format(c.enteredColumnAt().atZone(getSkinnable().zone())));
        if (c.eta() != null) {
            tip.append("\nETA ").append(java.time.format.DateTimeFormatter.ofPattern("EEE HH:mm")
                    .format(c.eta().atZone(getSkinnable().zone())));
        }
        tip.append("\n\nEnter: edit · Alt+←/→: move · Alt+↑/↓: reorder · Delete: delete");
        getSkinnable().setTooltip(new javafx.scene.control.Tooltip(tip.toString()));
    }

    /** SkinBase asks children for their height at no particular width; wrapped titles need the real one. */
    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        double inner = width < 0 ? -1 : Math.max(0, width - left - right);
        return top + box.prefHeight(inner) + bottom;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    /**
     * Sets every text of the card from the card itself: the one place where what a card shows is decided (the
     * countdown texts that change with the clock are in {@link #clockTexts}).
     */
    private void update() {
        CardTile tile = getSkinnable();
        Card c = tile.getCard();
        priority.setText(c.priority().name());
        show(priority, tile.showsPriority());
        kind.setText(c.kind() == CardKind.FEATURE ? "FEATURE" : "");
        show(kind, c.kind() == CardKind.FEATURE);
        title.setText(c.title());
        assignee.setText(c.handle().isEmpty() ? "unassigned" : c.handle());
        assignee.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("empty"), c.handle().isEmpty());
        status.setText(c.statusNote());
        show(status, !c.statusNote().isEmpty());
        clockTexts();
    }

    /**
     * A tick: new countdown texts. When they keep the card's height (the usual case: only digits change) the card
     * is laid out on its own; when its height changes, its column is laid out as well.
     */
    private void updateClock() {
        CardTile tile = getSkinnable();
        boolean etaShown = eta.isManaged();
        boolean slaShown = sla.isManaged();
        double height = tile.getHeight();
        tile.changeInPlace(this::clockTexts);
        if (etaShown != eta.isManaged() || slaShown != sla.isManaged()
                || tile.getWidth() > 0 && Math.abs(tile.prefHeight(tile.getWidth()) - height) > 0.5) {
            // a line came or went (a longer countdown wrapped, an SLA clock started): the column makes room
            tile.requestLayout();
        }
    }

    private void clockTexts() {
        CardTile tile = getSkinnable();
        Card c = tile.getCard();
        if (c.etaOpen()) {
            eta.setText("ETA " + CLOCK.format(c.eta().atZone(tile.zone())) + " · " + Eta.remaining(c.eta(),
                    tile.nowProperty().get()));
            show(eta, true);
        } else {
            show(eta, false);
        }
        SlaState s = tile.slaProperty().get();
        sla.setText(s.level() == SlaState.Level.NONE ? "" : "SLA " + s.countdown());
        show(sla, s.level() != SlaState.Level.NONE);
        if (c.column() == Column.PAUSED && c.pausedFrom() != null) {
            eta.setText("was in " + c.pausedFrom().title());
            show(eta, true);
        }
    }

    private static void show(Label l, boolean visible) {
        l.setVisible(visible);
        l.setManaged(visible);
    }

    private static Label styled(Label l, String styleClass) {
        l.getStyleClass().add(styleClass);
        return l;
    }
}
