package dev.warroom.domain.debt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebtExportTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=SUM(A1:A9)|'=SUM(A1:A9)", "+1|'+1", "-2+3|'-2+3", "@cmd|'@cmd", "plain|plain",
            "a=b|a=b", "x-1|x-1"})
    void formulaLookingCellsAreEscaped(String in, String out) {
        assertEquals(out, DebtExport.csvCell(in));
    }

    @Test
    void quotesCommasAndNewlinesAreQuoted() {
        assertEquals("\"a,b\"", DebtExport.csvCell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", DebtExport.csvCell("say \"hi\""));
        assertEquals("\"two\nlines\"", DebtExport.csvCell("two\nlines"));
        assertEquals("\"'=1,2\"", DebtExport.csvCell("=1,2"));
        assertEquals("'\tx", DebtExport.csvCell("\tx"));
        assertEquals("", DebtExport.csvCell(null));
    }

    @Test
    void csvAndMarkdownOfTheLog() {
        DebtEntry e = DebtEntry.create(DebtDraft.of("Database", "=HYPERLINK(\"x\")", "pool | limit", "alice", "1",
                null), T0).withId(3);
        String csv = DebtExport.csv(List.of(e), ZoneOffset.UTC);
        assertTrue(csv.startsWith("Area,Shortcut,Why,Owner,Fix by week,Status,Card,Logged\r\n"), csv);
        assertTrue(csv.contains("Database,\"'=HYPERLINK(\"\"x\"\")\",pool | limit,alice,1,Open,,2026-11-23 10:00"), csv);
        String md = DebtExport.markdown(List.of(e), CleanupPlan.of(List.of(e), null, T0), ZoneOffset.UTC, T0);
        assertTrue(md.contains("pool \\| limit"), md);
        assertTrue(md.contains("### Week 1: Production-ready infrastructure"), md);
        assertTrue(md.contains("- [ ] Database: =HYPERLINK(\"x\") — @alice (Open)"), md);
    }

    @Test
    void weekOutsideOneToFourIsRefusedNamingTheField() {
        for (String w : new String[] {"0", "5", "-1", "", "two"}) {
            assertEquals("week", assertThrows(InvalidInputException.class,
                    () -> DebtDraft.of("Cache", "manual purge", "", "bob", w, null)).field(), w);
        }
        assertEquals(1, DebtDraft.of("Cache", "manual purge", "", "bob", "1", null).fixWeek());
        assertEquals(4, DebtDraft.of("Cache", "manual purge", "", "bob", "week 4", null).fixWeek());
    }

    @Test
    void emptyRequiredFieldsAreRefused() {
        assertEquals("area", assertThrows(InvalidInputException.class,
                () -> DebtDraft.of(" ", "x", "", "bob", "1", null)).field());
        assertEquals("shortcut", assertThrows(InvalidInputException.class,
                () -> DebtDraft.of("Cache", "", "", "bob", "1", null)).field());
        assertEquals("owner", assertThrows(InvalidInputException.class,
                () -> DebtDraft.of("Cache", "x", "", "", "1", null)).field());
    }

    @Test
    void cleanupPlanGroupsOpenDebtByWeekAndFlagsOverdue() {
        DebtEntry w1 = DebtEntry.create(DebtDraft.of("CDN", "temp config", "", "c", "1", null), T0).withId(1);
        DebtEntry w2 = DebtEntry.create(DebtDraft.of("Cache", "manual", "", "c", "2", null), T0).withId(2);
        DebtEntry fixed = DebtEntry.create(DebtDraft.of("DB", "limits", "", "c", "1", DebtStatus.FIXED), T0).withId(3);
        Instant start = CleanupPlan.cleanupStart(T0, null);
        assertEquals(T0.plus(Duration.ofHours(72)), start);
        assertEquals(T0.plus(Duration.ofHours(5)), CleanupPlan.cleanupStart(T0, T0.plus(Duration.ofHours(5))));
        Instant justBefore = start.plus(Duration.ofDays(7)).minusSeconds(1);
        CleanupPlan p = CleanupPlan.of(List.of(w1, w2, fixed), start, justBefore);
        assertEquals(List.of(w1), p.weeks().get(0).entries());
        assertEquals(0, p.overdueCount());
        CleanupPlan later = CleanupPlan.of(List.of(w1, w2, fixed), start, justBefore.plusSeconds(1));
        assertTrue(later.weeks().get(0).overdue());
        assertEquals(1, later.overdueCount());
        assertEquals(0, CleanupPlan.of(List.of(w1), null, T0.plus(Duration.ofDays(400))).overdueCount());
    }

    @Test
    void markdownExportNeutralisesMarkupAndScriptLinks() {
        DebtEntry e = new DebtEntry(4, "<svg onload=alert(1)>", "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)> see [x](javascript:alert(1))", "[me](javascript:alert(2))", 1,
                DebtStatus.OPEN, null, T0, T0, 0);
        String md = DebtExport.markdown(List.of(e), CleanupPlan.of(List.of(e), null, T0), ZoneOffset.UTC, T0);
        // every < [ ] that a Markdown renderer could read as a tag or a link carries a backslash
        assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)[<>\\[\\]]").matcher(md.replace("- [ ]", "")).find(), md);
        assertTrue(md.contains("\\<script\\>alert(1)\\</script\\>"), md);
        assertTrue(md.contains("\\[x\\](javascript:alert(1))"), md);
    }

    @Test
    void controlAndDirectionCharactersInStoredEntriesAreShownVisiblyInBothExports() {
        DebtEntry e = new DebtEntry(5, "Db\u0000", "\u001B[31mred", "RLO \u202Egnp.exe", "bob", 2, DebtStatus.OPEN,
                null, T0, T0, 0);
        String csv = DebtExport.csv(List.of(e), ZoneOffset.UTC);
        String md = DebtExport.markdown(List.of(e), CleanupPlan.of(List.of(e), null, T0), ZoneOffset.UTC, T0);
        for (String out : new String[] {csv, md}) {
            assertFalse(out.contains("\u0000") || out.contains("\u001B") || out.contains("\u202E"), out);
            assertTrue(out.contains("Db\u2400"), out);
            assertTrue(out.contains("RLO ⟦U+202E⟧gnp.exe"), out);
        }
        assertTrue(csv.contains("\u241B[31mred"), csv);
        assertTrue(md.contains("\u241B\\[31mred"), md);
    }

    @Test
    void controlAndDirectionCharactersAreRefusedAtInputNamingTheField() {
        InvalidInputException nul = assertThrows(InvalidInputException.class,
                () -> DebtDraft.of("Db\u0000", "pool", "", "bob", "1", null));
        assertEquals("area", nul.field());
        assertTrue(nul.getMessage().startsWith("Area contains a NUL character (U+0000) at position 3"), nul.getMessage());
        assertEquals("shortcut", assertThrows(InvalidInputException.class,
                () -> DebtDraft.of("Db", "\u001B[2J", "", "bob", "1", null)).field());
        assertEquals("reason", assertThrows(InvalidInputException.class,
                () -> DebtDraft.of("Db", "pool", "RLO \u202Egnp.exe", "bob", "1", null)).field());
        assertEquals("owner", assertThrows(InvalidInputException.class,
                () -> DebtDraft.of("Db", "pool", "", "bob\nmallory", "1", null)).field());
        assertEquals("two\nlines", DebtDraft.of("Db", "pool", "two\nlines", "bob", "1", null).reason());
    }
}
