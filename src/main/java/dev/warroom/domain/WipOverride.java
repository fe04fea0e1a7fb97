package dev.warroom.domain;

import java.time.Instant;

/** The commander let a column go past its WIP limit, and said why. Lives until the excess is gone. */
public record WipOverride(Column column, String reason, String actor, Instant at) {
    public static final int MAX_REASON = 200;

    public static String validReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new InvalidInputException("reason", "An override needs a reason; type why this card cannot wait.");
        }
        if (r.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "Override reason is longer than " + MAX_REASON + " characters.");
        }
        return PlainText.check("reason", "Override reason", r, false);
    }
}
