package dev.warroom.domain.plan;

import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.PlainText;
import java.time.Instant;

/**
 * A recorded growth-versus-stability call: the inputs, what the matrix said, what the commander
 * chose (usually the same), and why.
 */
public record Decision(long id, long crisisId, Instant at, String by, DecisionInputs inputs, Quadrant suggested,
                       Quadrant chosen, String rationale) {
    public static final int MAX_RATIONALE = 1000;

    public static String validRationale(String text) {
        String r = text == null ? "" : text.strip();
        if (r.isEmpty()) {
            throw new InvalidInputException("rationale", "Rationale is empty: write one line on why, so the "
                    + "post-mortem can follow the call.");
        }
        if (r.length() > MAX_RATIONALE) {
            throw new InvalidInputException("rationale", "Rationale is longer than " + MAX_RATIONALE + " characters.");
        }
        return PlainText.check("rationale", "Rationale", r, true);
    }

    public boolean overridden() {
        return chosen != suggested;
    }
}
