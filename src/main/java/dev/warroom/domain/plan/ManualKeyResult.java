package dev.warroom.domain.plan;

import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.PlainText;
import java.time.Instant;

/** A key result's status as set by hand for one crisis, with the note that backs it. */
public record ManualKeyResult(long crisisId, String keyResultId, OkrStatus status, String note, String by,
                              Instant at, long version) {
    public static final int MAX_NOTE = 500;

    public static String validNote(String note) {
        String n = note == null ? "" : note.strip();
        if (n.isEmpty()) {
            throw new InvalidInputException("note", "Note is empty: say what the status is based on, e.g. "
                    + "\"load test at 12k users passed\".");
        }
        if (n.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "Note is longer than " + MAX_NOTE + " characters.");
        }
        return PlainText.check("note", "Note", n, true);
    }
}
