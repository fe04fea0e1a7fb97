package dev.warroom.domain.comms;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a logic-less template before it is compiled, so every problem points at a line and a column,
 * and refuses what a message template has no business doing: including other files ({@code {{> x}}})
 * or changing the tag delimiters.
 */
public final class TemplateSyntax {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*|\\.");
    public static final int MAX_LENGTH = 20_000;

    /** The problem, or the variable and section names the template uses (in order of appearance). */
    public record Result(Optional<TemplateProblem> problem, Set<String> names) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    private record Open(String name, int line, int column) {
    }

    private TemplateSyntax() {
    }

    public static Result check(String text) {
        String t = text == null ? "" : text;
        Set<String> names = new LinkedHashSet<>();
        if (t.length() > MAX_LENGTH) {
            return fail(1, 1, "The template is longer than " + MAX_LENGTH + " characters.", names);
        }
        Deque<Open> open = new ArrayDeque<>();
        int i = 0;
        while (true) {
            int start = t.indexOf("{{", i);
            if (start < 0) {
                break;
            }
            int[] pos = position(t, start);
            boolean triple = t.startsWith("{{{", start);
            String closer = triple ? "}}}" : "}}";
            int bodyStart = start + (triple ? 3 : 2);
            int end = t.indexOf(closer, bodyStart);
            int nextOpen = t.indexOf("{{", bodyStart);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
                return fail(pos[0], pos[1], "this tag is never closed: add \"" + closer + "\".", names);
            }
            String body = t.substring(bodyStart, end).strip();
            i = end + closer.length();
            if (body.startsWith("!")) {
                continue;
            }
            char sigil = body.isEmpty() ? ' ' : body.charAt(0);
            String name = "#^/&>=<$".indexOf(sigil) >= 0 ? body.substring(1).strip() : body;
            if (sigil == '>' || sigil == '<' || sigil == '$') {
                return fail(pos[0], pos[1], "templates cannot include other templates or files ({{" + sigil
                        + name + "}}).", names);
            }
            if (sigil == '=') {
                return fail(pos[0], pos[1], "changing the tag delimiters is not supported.", names);
            }
            if (name.isEmpty()) {
                return fail(pos[0], pos[1], "empty tag: put a variable name between the braces.", names);
            }
            if (!NAME.matcher(name).matches()) {
                return fail(pos[0], pos[1], "\"" + name + "\" is not a variable name (letters, digits, _ and .).",
                        names);
            }
            switch (sigil) {
                case '#', '^' -> {
                    open.push(new Open(name, pos[0], pos[1]));
                    names.add(name);
                }
                case '/' -> {
                    if (open.isEmpty()) {
                        return fail(pos[0], pos[1], "{{/" + name + "}} closes a section that was never opened.", names);
                    }
                    Open o = open.pop();
                    if (!o.name().equals(name)) {
                        return fail(pos[0], pos[1], "{{/" + name + "}} does not match the open section {{#" + o.name()
                                + "}} from line " + o.line() + ", column " + o.column() + ".", names);
                    }
                }
                default -> {
                    if (!name.equals(".")) {
                        names.add(name);
                    }
                }
            }
        }
        if (!open.isEmpty()) {
            Open o = open.pop();
            return fail(o.line(), o.column(), "section {{#" + o.name() + "}} is never closed: add {{/" + o.name()
                    + "}}.", names);
        }
        return new Result(Optional.empty(), names);
    }

    private static Result fail(int line, int column, String message, Set<String> names) {
        return new Result(Optional.of(new TemplateProblem(line, column, message)), names);
    }

    /** 1-based line and column of {@code offset}. */
    static int[] position(String text, int offset) {
        int line = 1;
        int col = 1;
        for (int k = 0; k < offset; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
