package dev.warroom.testing;

import dev.warroom.domain.Card;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import java.time.Instant;

/** Small builders for cards in tests. */
public final class Cards {
    private Cards() {
    }

    public static Card card(long id, String title, Column column, int position, Instant at) {
        return new Card(id, title, "", CardKind.SCALING, Priority.HIGH, "", null, "", column, position, at, at, at,
                null, 0);
    }

    public static Card card(long id, String title, String assignee, Column column, Instant at) {
        return new Card(id, title, "", CardKind.SCALING, Priority.HIGH, assignee, null, "", column, 0, at, at, at,
                null, 0);
    }

    public static Card feature(long id, String title, Column column, Instant at) {
        return new Card(id, title, "", CardKind.FEATURE, Priority.MEDIUM, "", null, "", column, 0, at, at, at,
                null, 0);
    }
}
