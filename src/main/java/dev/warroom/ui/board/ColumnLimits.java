package dev.warroom.ui.board;

/** A column's WIP limit and SLA as typed in the limits dialog: "2", "45m", blank for none. */
public record ColumnLimits(String wip, String sla) {
    public static final ColumnLimits NONE = new ColumnLimits("", "");
}
