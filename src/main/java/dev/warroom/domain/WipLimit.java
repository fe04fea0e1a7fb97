package dev.warroom.domain;

/** How many cards a column may hold at once. */
public record WipLimit(Column column, int max) {
    public WipLimit {
        if (max < 1) {
            throw new InvalidInputException("wip." + column.name(), "WIP limit for " + column.title()
                    + " is " + max + "; a limit must be at least 1 (remove it instead to have no limit).");
        }
    }

    public String describe() {
        return column.title() + " WIP limit of " + max;
    }
}
