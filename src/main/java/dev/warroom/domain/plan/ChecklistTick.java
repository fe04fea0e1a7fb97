package dev.warroom.domain.plan;

import java.time.Instant;

/**
 * A ticked item of one crisis's copy of a checklist.
 *
 * @param by who ticked it ("War Room" for automatic ticks)
 * @param signedName for sign-off items, the name of the person who signed; otherwise empty
 * @param note why an automatic tick happened; empty for ticks by hand
 */
public record ChecklistTick(long crisisId, String checklistId, String itemId, String by, Instant at,
                            String signedName, String note, boolean automatic) {

    public ChecklistTick {
        signedName = signedName == null ? "" : signedName;
        note = note == null ? "" : note;
    }
}
