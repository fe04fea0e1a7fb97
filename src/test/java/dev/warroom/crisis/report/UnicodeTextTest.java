package dev.warroom.crisis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.ChecklistLoader;
import dev.warroom.crisis.ChecklistService;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.DebtService;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.MoveResult;
import dev.warroom.crisis.PlanService;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.crisis.timeline.TimelineService;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.CommsEntry;
import dev.warroom.domain.debt.DebtDraft;
import dev.warroom.domain.debt.DebtEntry;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.plan.ChecklistTemplate;
import dev.warroom.domain.plan.ChecklistTick;
import dev.warroom.domain.plan.Decision;
import dev.warroom.domain.plan.DecisionInputs;
import dev.warroom.domain.plan.Quadrant;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every text field filled with random Unicode, astral characters (two UTF-16 units each) placed so that
 * every place the app shortens text would cut one in half: nothing stored may hold half a character, and
 * the post-mortem is written. A lone surrogate stored by an older version does not stop the report either.
 */
class UnicodeTextTest {
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final int[][] RANGES = {
            {'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {0xC0, 0xD6}, {0x0391, 0x03C9}, {0x0627, 0x064A}, {0x4E00, 0x4FFF},
            {0x0300, 0x036F}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1D400, 0x1D4FF}, {0x20000, 0x200FF}};
    private static final String ROCKET = "\uD83D\uDE80";

    @TempDir
    Path dir;

    /** Random printable text of exactly {@code units} UTF-16 units, astral characters in most places. */
    private static String random(SplittableRandom r, int units, boolean spaces) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < units) {
            int left = units - sb.length();
            int cp;
            if (spaces && sb.length() > 0 && left > 1 && r.nextInt(8) == 0) {
                cp = ' ';
            } else {
                int[] range = RANGES[r.nextInt(RANGES.length)];
                cp = range[0] + r.nextInt(range[1] - range[0] + 1);
                if (sb.length() == 0 && cp >= 0x0300 && cp <= 0x036F) {
                    cp = 'x';
                }
            }
            if (Character.charCount(cp) > left) {
                cp = 'z';
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** {@code units} long, nothing but astral characters after an optional one-unit prefix. */
    private static String astral(int units, boolean shifted) {
        String s = ((shifted ? "a" : "") + ROCKET.repeat(units / 2 + 1)).substring(0, units);
        return Character.isHighSurrogate(s.charAt(units - 1)) ? s.substring(0, units - 1) + "b" : s;
    }

    @Test
    void everyTextFieldTakesRandomUnicodeAndNothingStoredHoldsHalfACharacter() throws Exception {
        SplittableRandom r = new SplittableRandom(20261201);
        MutableClock clock = MutableClock.at(START.toString());
        long crisisId;
        try (Database db = Database.open(dir.resolve("warroom"))) {
            for (int round = 0; round < 2; round++) {
                boolean shifted = round == 1;
                // an actor is at most 80 units (the configuration's limit and the columns' width)
                String actor = random(r, 78, false) + ROCKET;
                String otherActor = astral(80, shifted);
                CrisisService crises = new CrisisService(db, clock, actor);
                if (round == 1) {
                    clock.advance(Duration.ofHours(1));
                    crises.declareStable();
                    clock.advance(Duration.ofMinutes(5));
                }
                crises.start(random(r, Crisis.MAX_NAME, true), ScaleSeverity.SURGE, clock.instant(),
                        astral(40, shifted));
                crises.assignRole("scribe", random(r, 40, false));
                BoardService board = new BoardService(db, clock, otherActor, BoardPolicy.defaults());
                List<Card> cards = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String title = i % 2 == 0 ? astral(Card.MAX_TITLE, shifted) : random(r, Card.MAX_TITLE, true);
                    cards.add(board.create(CardDraft.of(title, random(r, Card.MAX_DESCRIPTION, true),
                            CardKind.SCALING, Priority.CRITICAL, astral(Card.MAX_ASSIGNEE, shifted), "2h",
                            random(r, Card.MAX_STATUS, true), clock.instant(), ZoneOffset.UTC), Column.BACKLOG));
                    clock.advance(Duration.ofSeconds(5));
                }
                Card first = moved(board.move(cards.get(0).id(), cards.get(0).version(), Column.IN_PROGRESS, 0,
                        astral(200, !shifted)));
                moved(board.move(cards.get(1).id(), cards.get(1).version(), Column.IN_PROGRESS, 1,
                        astral(200, shifted)));
                board.edit(first.id(), first.version(), CardDraft.of(astral(Card.MAX_TITLE, !shifted),
                        astral(Card.MAX_DESCRIPTION, shifted), CardKind.SCALING, Priority.HIGH, "", "", "",
                        clock.instant(), ZoneOffset.UTC));

                CommsService comms = new CommsService(db, clock, actor, CommsCadence.seedDefault(),
                        LiveFigures.none(), ZoneOffset.UTC);
                comms.markSent("status-page", dev.warroom.domain.comms.OutputFormat.PLAIN,
                        astral(300, shifted) + "\n" + random(r, 5000, true));
                comms.markSent("war-room", dev.warroom.domain.comms.OutputFormat.MARKDOWN, random(r, 900, true));
                comms.skip("customers", astral(CommsEntry.MAX_REASON, shifted));

                PlanService plan = new PlanService(db, clock, actor, LiveFigures.none());
                plan.recordDecision(new DecisionInputs(3, 1200, 500, 3), Quadrant.STABILITY_FIRST,
                        astral(Decision.MAX_RATIONALE, shifted));
                plan.recordDecision(new DecisionInputs(8, 9000, 500, 3), null, random(r, Decision.MAX_RATIONALE, true));

                DebtService debts = new DebtService(db, clock, actor);
                DebtEntry debt = debts.create(DebtDraft.of(astral(DebtDraft.MAX_AREA, shifted),
                        astral(DebtDraft.MAX_SHORTCUT, shifted), random(r, DebtDraft.MAX_REASON, true),
                        random(r, DebtDraft.MAX_OWNER, false), "2", null));
                debts.promote(debt.id(), debt.version());

                ChecklistService checklists = new ChecklistService(db, clock, actor, ChecklistLoader.loadBuiltIn());
                ChecklistTemplate withSignOff = checklists.templates().stream()
                        .filter(t -> t.items().stream().anyMatch(ChecklistTemplate.Item::signOff)).findFirst()
                        .orElseThrow();
                checklists.tick(withSignOff.id(), withSignOff.items().stream().filter(ChecklistTemplate.Item::signOff)
                        .findFirst().orElseThrow().id(), astral(ChecklistService.MAX_NAME, shifted));

                TimelineService timeline = new TimelineService(db, clock, otherActor, BoardPolicy.defaults());
                TimelineEvent note = timeline.addNote(astral(TimelineService.MAX_NOTE, shifted), null);
                timeline.addNote(random(r, TimelineService.MAX_NOTE, true), note.id());
                clock.advance(Duration.ofMinutes(1));
            }
            crisisId = db.read(tx -> tx.activeCrisis()).orElseThrow().id();

            List<String> stored = new ArrayList<>();
            db.read(tx -> {
                for (TimelineEvent e : tx.timeline(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 10_000)) {
                    addAll(stored, e.actor(), e.subject(), e.summary(), e.before(), e.after());
                }
                for (Card c : tx.cards()) {
                    addAll(stored, c.title(), c.description(), c.assignee(), c.statusNote());
                }
                for (DebtEntry d : tx.debtEntries()) {
                    addAll(stored, d.area(), d.shortcut(), d.reason(), d.owner());
                }
                for (Decision d : tx.decisions()) {
                    addAll(stored, d.by(), d.rationale());
                }
                for (Crisis c : tx.crises(10)) {
                    addAll(stored, c.name());
                    for (CommsEntry e : tx.commsEntries(c.id(), 100)) {
                        addAll(stored, e.text(), e.reason(), e.actor());
                    }
                    for (ChecklistTick t : tx.checklistTicks(c.id())) {
                        addAll(stored, t.by(), t.signedName(), t.note());
                    }
                }
                return null;
            });
            assertTrue(stored.size() > 100, "read back " + stored.size() + " texts");
            assertTrue(stored.stream().anyMatch(s -> s.endsWith("…")), "nothing was shortened: the test cuts nothing");
            for (String s : stored) {
                assertFalse(hasLoneSurrogate(s), () -> "half a character stored: " + escaped(s));
            }

            ReportService.Written w = ScriptedCrisis.service(db, clock).write(crisisId, dir.resolve("report"), null,
                    null);
            strictUtf8(w.markdown());
            strictUtf8(w.html());
        }
    }

    @Test
    void aLoneSurrogateStoredByAnOlderVersionIsWrittenAsAReplacementCharacter() throws Exception {
        MutableClock clock = MutableClock.at(START.toString());
        Path base = dir.resolve("warroom");
        long crisisId;
        try (Database db = Database.open(base)) {
            crisisId = new CrisisService(db, clock, "alice").start("Launch surge", ScaleSeverity.SURGE,
                    clock.instant(), "alice").crisis().id();
            clock.advance(Duration.ofMinutes(3));
            new TimelineService(db, clock, "alice", BoardPolicy.defaults()).addNote("rocket launched", null);
        }
        // what versions before the fix wrote: a note cut through the middle of an emoji
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
             PreparedStatement ps = c.prepareStatement("UPDATE timeline_event SET summary = ? WHERE kind = 'NOTE'")) {
            ps.setString(1, "rocket \uD83D");
            assertEquals(1, ps.executeUpdate());
        }
        clock.advance(Duration.ofMinutes(1));
        try (Database db = Database.open(base)) {
            ReportService.Written w = ScriptedCrisis.service(db, clock).write(crisisId, dir.resolve("report"), null,
                    null);
            assertTrue(strictUtf8(w.markdown()).contains("rocket \uFFFD"));
            assertTrue(strictUtf8(w.html()).contains("rocket \uFFFD"));
        }
    }

    private static void addAll(List<String> out, String... texts) {
        for (String t : texts) {
            if (t != null) {
                out.add(t);
            }
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String escaped(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(Character.isSurrogate(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return sb.length() > 300 ? sb.substring(0, 300) + "..." : sb.toString();
    }

    private static String strictUtf8(Path file) throws java.io.IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not valid UTF-8", e);
        }
    }

    private static Card moved(MoveResult result) {
        if (result instanceof MoveResult.Moved m) {
            return m.card();
        }
        throw new AssertionError("move refused: " + result);
    }
}
