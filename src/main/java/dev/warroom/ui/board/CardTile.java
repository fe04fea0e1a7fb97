package dev.warroom.ui.board;

import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Priority;
import dev.warroom.domain.SlaState;
import java.time.Instant;
import java.time.ZoneId;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * One card on the board. Visual state is pseudo-classes only: {@code :critical :high :medium
 * :feature :sla-warning :sla-breached :eta-overdue}; colours come from the theme's variables.
 */
public final class CardTile extends Control {
    static final PseudoClass SLA_WARNING = PseudoClass.getPseudoClass("sla-warning");
    static final PseudoClass SLA_BREACHED = PseudoClass.getPseudoClass("sla-breached");
    static final PseudoClass ETA_OVERDUE = PseudoClass.getPseudoClass("eta-overdue");
    static final PseudoClass FEATURE = PseudoClass.getPseudoClass("feature");

    private final ObjectProperty<Card> card = new SimpleObjectProperty<>(this, "card");
    private final ObjectProperty<SlaState> sla = new SimpleObjectProperty<>(this, "sla", SlaState.NONE);
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(this, "now", Instant.EPOCH);
    private final ZoneId zone;
    private boolean showsPriority = true;
    /** While true a layout request of a child stays inside this tile (see {@link #changeInPlace}). */
    private boolean inPlace;

    public CardTile(Card card, ZoneId zone) {
        this.zone = zone;
        getStyleClass().add("card");
        setFocusTraversable(true);
        this.card.addListener((o, a, b) -> updateStates());
        this.sla.addListener((o, a, b) -> updateStates());
        this.now.addListener((o, a, b) -> updateStates());
        this.card.set(card);
        setId("card-" + card.id());
    }

    private void updateStates() {
        Card c = card.get();
        for (Priority p : Priority.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(p.name().toLowerCase()), c.priority() == p);
        }
        pseudoClassStateChanged(FEATURE, c.kind() == CardKind.FEATURE);
        SlaState s = sla.get();
        pseudoClassStateChanged(SLA_WARNING, s.level() == SlaState.Level.WARNING);
        pseudoClassStateChanged(SLA_BREACHED, s.level() == SlaState.Level.BREACHED);
        pseudoClassStateChanged(ETA_OVERDUE, c.eta() != null && now.get().isAfter(c.eta())
                && c.column() != dev.warroom.domain.Column.DONE);
        setAccessibleText(CardSpeech.of(c, s, zone));
    }

    public ObjectProperty<Card> cardProperty() {
        return card;
    }

    public Card getCard() {
        return card.get();
    }

    public ObjectProperty<SlaState> slaProperty() {
        return sla;
    }

    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    /** BACKLOG groups cards under priority headings, so its cards need no priority badge. */
    public void setShowsPriority(boolean shows) {
        showsPriority = shows;
    }

    public boolean showsPriority() {
        return showsPriority;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Runs {@code change} (new texts that keep this tile's size, such as a countdown's next second) so that the
     * layout requests it causes lay out this tile only, not its column and the board around it.
     */
    void changeInPlace(Runnable change) {
        inPlace = true;
        try {
            change.run();
        } finally {
            inPlace = false;
        }
    }

    @Override
    public void requestLayout() {
        if (inPlace) {
            setNeedsLayout(true);
        } else {
            super.requestLayout();
        }
    }

    /** Titles wrap, so height depends on width: lets columns ask for the height at their width. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new CardTileSkin(this);
    }
}
