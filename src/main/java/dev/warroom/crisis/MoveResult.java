package dev.warroom.crisis;

import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.WipVerdict;

/** What happened to a requested move: it happened, or a WIP limit refused it (nothing was written). */
public sealed interface MoveResult {
    record Moved(Card card, Column from, int fromIndex, boolean overridden) implements MoveResult {
    }

    record Refused(Card card, WipVerdict verdict) implements MoveResult {
        public String message() {
            return "\"" + card.title() + "\" was not moved. " + verdict.message()
                    + " Finish or move that work first, or override with a reason.";
        }
    }
}
