package dev.warroom.domain.debt;

/** Where a piece of scale debt stands. Names are stored in the database: add, never rename. */
public enum DebtStatus {
    OPEN("Open"),
    IN_PROGRESS("In progress"),
    FIXED("Fixed"),
    ACCEPTED("Accepted");

    private final String label;

    DebtStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Fixed or knowingly accepted: no longer part of the cleanup plan. */
    public boolean closed() {
        return this == FIXED || this == ACCEPTED;
    }

    /**
     * Whether a debt in this status may be set to {@code next}: work starts only on open debt, fixing or
     * accepting is possible from any other status, and only closed debt is reopened.
     */
    public boolean mayBecome(DebtStatus next) {
        return switch (next) {
            case IN_PROGRESS -> this == OPEN;
            case FIXED, ACCEPTED -> this != next;
            case OPEN -> closed();
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
