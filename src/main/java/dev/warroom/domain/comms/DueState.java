package dev.warroom.domain.comms;

/** Where a scheduled message stands: not yet due, due now, or overdue (past the grace period). */
public enum DueState {
    UPCOMING, DUE, OVERDUE;

    public boolean needsAttention() {
        return this != UPCOMING;
    }
}
