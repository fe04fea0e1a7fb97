package dev.warroom.domain.comms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateSyntaxTest {

    private static TemplateProblem problem(String text) {
        return TemplateSyntax.check(text).problem().orElseThrow();
    }

    @Test
    void acceptsVariablesSectionsAndComments() {
        TemplateSyntax.Result r = TemplateSyntax.check("{{! note }}Hi {{name}}\n{{#fixed}}- {{title}}\n{{/fixed}}{{^fixed}}none{{/fixed}}");
        assertTrue(r.ok());
        assertEquals(List.of("name", "fixed", "title"), List.copyOf(r.names()));
    }

    @Test
    void unclosedTagPointsAtItsLineAndColumn() {
        TemplateProblem p = problem("Line one\nTraffic: {{traffic_multiple\nmore");
        assertEquals(2, p.line());
        assertEquals(10, p.column());
        assertTrue(p.describe().startsWith("Line 2, column 10: "), p.describe());
    }

    @Test
    void mismatchedAndUnclosedSections() {
        TemplateProblem p = problem("{{#fixed}}\n  {{/working}}");
        assertEquals(2, p.line());
        assertEquals(3, p.column());
        assertTrue(p.message().contains("line 1, column 1"), p.message());
        TemplateProblem open = problem("ok\n\n {{#fixed}} no end");
        assertEquals(3, open.line());
        assertEquals(2, open.column());
        assertEquals(1, problem("{{/fixed}}").line());
    }

    @Test
    void refusesPartialsDelimiterChangesAndOddNames() {
        assertTrue(problem("{{> /etc/passwd}}").message().contains("cannot include"));
        assertTrue(problem("{{=<% %>=}}").message().contains("delimiters"));
        assertTrue(problem("{{ }}").message().contains("empty tag"));
        assertTrue(problem("{{name()}}").message().contains("not a variable name"));
    }
}
