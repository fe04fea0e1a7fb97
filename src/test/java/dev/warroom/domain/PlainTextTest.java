package dev.warroom.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlainTextTest {
    private static final String EMOJI = "\uD83D\uDE80"; // 🚀, two UTF-16 units

    @Test
    void refusesControlAndDirectionCharactersNamingFieldAndPosition() {
        InvalidInputException rlo = assertThrows(InvalidInputException.class,
                () -> PlainText.check("title", "Title", "RLO \u202Egnp.exe", false));
        assertEquals("title", rlo.field());
        assertEquals("Title contains a text-direction control (U+202E) that can disguise text at position 5; "
                + "remove it.", rlo.getMessage());
        InvalidInputException esc = assertThrows(InvalidInputException.class,
                () -> PlainText.check("note", "Note", EMOJI + "\u001B[2J", true));
        assertEquals("Note contains an escape character (U+001B) at position 2; remove it.", esc.getMessage());
        assertEquals("Actor contains a line break at position 4; remove it and keep actor on one line.",
                assertThrows(InvalidInputException.class,
                        () -> PlainText.check("actor", "Actor", "bob\nroot", false)).getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> PlainText.check("t", "T", "a\u0000", true))
                .getMessage().contains("NUL character (U+0000) at position 2"));
        assertTrue(assertThrows(InvalidInputException.class, () -> PlainText.check("t", "T", "a\u2067b", false))
                .getMessage().contains("U+2067"));
        assertTrue(assertThrows(InvalidInputException.class, () -> PlainText.check("t", "T", "x\uD83D", false))
                .getMessage().contains("half of a character"));
        assertEquals("two\nlines\tand a tab " + EMOJI, PlainText.check("t", "T", "two\nlines\tand a tab " + EMOJI, true));
        assertEquals("Straße ✓ مرحبا", PlainText.check("t", "T", "Straße ✓ مرحبا", false));
    }

    @Test
    void cardFieldsRefuseWhatCouldDisguiseTextAndKeepLineBreaksWhereTheyBelong() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        assertEquals("title", assertThrows(InvalidInputException.class, () -> CardDraft.of("RLO \u202Egnp.exe", "",
                null, null, "", "", "", now, ZoneOffset.UTC)).field());
        assertEquals("description", assertThrows(InvalidInputException.class, () -> CardDraft.of("ok", "a\u0000",
                null, null, "", "", "", now, ZoneOffset.UTC)).field());
        assertEquals("assignee", assertThrows(InvalidInputException.class, () -> CardDraft.of("ok", "",
                null, null, "\u202Eecila", "", "", now, ZoneOffset.UTC)).field());
        assertEquals("status", assertThrows(InvalidInputException.class, () -> CardDraft.of("ok", "",
                null, null, "", "", "\u001B[5mblink", now, ZoneOffset.UTC)).field());
        assertEquals("line one\nline two", CardDraft.of("ok", "line one\nline two", null, null, "", "", "", now,
                ZoneOffset.UTC).description());
        assertEquals("holder", assertThrows(InvalidInputException.class,
                () -> CrisisRole.validHolder("ali\u202Ece")).field());
        assertEquals("name", assertThrows(InvalidInputException.class,
                () -> Crisis.validName("Launch\u001B]0;pwned\u0007")).field());
        assertEquals("rationale", assertThrows(InvalidInputException.class,
                () -> dev.warroom.domain.plan.Decision.validRationale("fine \u202E")).field());
        assertEquals("reason", assertThrows(InvalidInputException.class,
                () -> WipOverride.validReason("urgent\u0000")).field());
    }

    @Test
    void visibleShowsEveryRefusedCharacterAsAMark() {
        assertEquals("a\u2400b\u241Bc\u2421d⟦U+202E⟧e⟦U+0085⟧f\uFFFD", PlainText.visible("a\u0000b\u001Bc\u007Fd\u202Ee\u0085f\uDE80", false));
        assertEquals("x\n\ty", PlainText.visible("x\n\ty", true));
        assertEquals("x\u240A\u2409y", PlainText.visible("x\n\ty", false));
        assertEquals("clean " + EMOJI, PlainText.visible("clean " + EMOJI, false));
    }

    @Test
    void clipNeverCutsACharacterInHalfAndRepairsHalvesAlreadyThere() {
        String text = "a".repeat(78) + EMOJI + "tail";
        String clipped = PlainText.clip(text, 80);
        assertEquals("a".repeat(78) + "…", clipped);
        assertEquals("a".repeat(77) + EMOJI + "…", PlainText.clip("a".repeat(77) + EMOJI + "tail", 80));
        assertEquals("short", PlainText.clip("short", 80));
        assertEquals("a\uFFFDb", PlainText.clip("a\uD83Db", 80));
        assertEquals("\uFFFD", PlainText.wellFormed("\uDE80"));
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(1, 40);
            for (int i = 0; i < n; i++) {
                sb.appendCodePoint(random.nextBoolean() ? 0x1F600 + random.nextInt(80) : 'a' + random.nextInt(26));
            }
            int max = random.nextInt(0, 45);
            String c = PlainText.clip(sb.toString(), max);
            assertTrue(c.length() <= Math.max(0, max), c);
            assertFalse(hasLoneSurrogate(c), "lone surrogate after clipping to " + max + ": " + sb);
        }
    }

    static boolean hasLoneSurrogate(String s) {
        return !PlainText.wellFormed(s).equals(s);
    }
}
