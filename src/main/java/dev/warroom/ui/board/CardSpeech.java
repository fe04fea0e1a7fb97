package dev.warroom.ui.board;

import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.SlaState;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a screen reader says for a card: "Signup failing. Critical scaling card in Backlog, @alice, ETA 12:00". The one place a card's spoken text is made; the tile sets it whenever it changes.
 */
final class CardSpeech {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private CardSpeech() {
    }

    static String of(Card c, SlaState sla, ZoneId zone) {
        StringBuilder s = new StringBuilder(c.title()).append(". ")
                .append(c.priority().name().charAt(0)).append(c.priority().name().substring(1).toLowerCase(Locale.ROOT))
                .append(c.kind() == CardKind.FEATURE ? " feature card" : " scaling card")
                .append(" in ").append(c.column().title());
        s.append(", ").append(c.assignee() == null || c.assignee().isBlank() ? "unassigned" : "@" + c.assignee());
        if (c.eta() != null) {
            s.append(", ETA ").append(HM.format(c.eta().atZone(zone)));
        }
        switch (sla.level()) {
            case OK -> s.append(", review SLA ").append(sla.countdown());
            case WARNING -> s.append(", review SLA nearly used: ").append(sla.countdown());
            case BREACHED -> s.append(", review SLA breached: ").append(sla.countdown());
            default -> {
            }
        }
        if (!c.statusNote().isBlank()) {
            s.append(", status: ").append(c.statusNote());
        }
        return s.toString();
    }
}
