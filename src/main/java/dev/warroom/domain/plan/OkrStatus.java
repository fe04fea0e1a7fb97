package dev.warroom.domain.plan;

/** Where a key result stands. Names are stored for key results set by hand: add, never rename. */
public enum OkrStatus {
    ON_TRACK("On track"),
    AT_RISK("At risk"),
    OFF_TRACK("Off track"),
    DONE("Done"),
    NOT_STARTED("Not started"),
    NO_DATA("No live data");

    private final String label;

    OkrStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
