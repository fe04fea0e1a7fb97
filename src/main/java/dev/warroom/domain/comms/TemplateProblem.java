package dev.warroom.domain.comms;

/** A template that cannot be used, with where: 1-based line and column of the offending tag. */
public record TemplateProblem(int line, int column, String message) {

    /** "Line 3, column 7: …". */
    public String describe() {
        return "Line " + line + ", column " + column + ": " + message;
    }
}
