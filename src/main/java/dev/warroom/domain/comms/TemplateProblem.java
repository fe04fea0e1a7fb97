package dev.warroom.domain.comms;

/**
 * A template that cannot be used, with where: 1-based line and column of the offending tag, or line 0
 * when the problem is the template as a whole (e.g. it produces too much text).
 */
public record TemplateProblem(int line, int column, String message) {

    /** "Line 3, column 7: …", or just the message for a problem of the whole template. */
    public String describe() {
        return line <= 0 ? message : "Line " + line + ", column " + column + ": " + message;
    }
}
