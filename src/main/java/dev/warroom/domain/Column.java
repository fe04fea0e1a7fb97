package dev.warroom.domain;

/** The five columns of the emergency scaling board, in board order. */
public enum Column {
    BACKLOG("Backlog", "Scaling work"),
    IN_PROGRESS("In progress", "Hands on it now"),
    REVIEW("Review", "Checking it holds"),
    DONE("Done", "Fixed and live"),
    PAUSED("Paused", "Feature work on hold");

    private final String title;
    private final String purpose;

    Column(String title, String purpose) {
        this.title = title;
        this.purpose = purpose;
    }

    public String title() {
        return title;
    }

    public String purpose() {
        return purpose;
    }

    public Column next() {
        return this == PAUSED ? PAUSED : values()[Math.min(ordinal() + 1, DONE.ordinal())];
    }

    public Column previous() {
        return this == PAUSED || this == BACKLOG ? this : values()[ordinal() - 1];
    }
}
