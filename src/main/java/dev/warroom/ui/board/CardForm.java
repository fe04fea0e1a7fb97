package dev.warroom.ui.board;

import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;

/** The card dialog's fields as typed, before validation. */
public record CardForm(String title, String description, CardKind kind, Priority priority, String assignee,
                       String eta, String status, Column column, String publicSummary) {

    public CardForm {
        publicSummary = publicSummary == null ? "" : publicSummary;
    }

    /** A form with no public summary typed. */
    public CardForm(String title, String description, CardKind kind, Priority priority, String assignee,
                    String eta, String status, Column column) {
        this(title, description, kind, priority, assignee, eta, status, column, "");
    }

    public static CardForm blank() {
        return new CardForm("", "", CardKind.SCALING, Priority.HIGH, "", "", "", Column.BACKLOG);
    }

    /** The form for editing {@code card}; its ETA shown as a clock time so re-saving keeps it. */
    public static CardForm of(Card card, java.time.ZoneId zone) {
        String eta = card.eta() == null ? "" : java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(card.eta().atZone(zone));
        return new CardForm(card.title(), card.description(), card.kind(), card.priority(), card.assignee(), eta,
                card.statusNote(), card.column(), card.publicSummary());
    }
}
