package dev.warroom.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.comms.CommsService;
import dev.warroom.domain.CrisisRole;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.plan.AutoTick;
import dev.warroom.domain.plan.ChecklistProgress;
import dev.warroom.domain.plan.ChecklistTick;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-ticks checked against the events the services really write, not against made-up kinds. */
class ChecklistAutoTickTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    @TempDir
    Path dir;

    private static Map<String, ChecklistTick> firstTwoHours(ChecklistService lists) {
        ChecklistProgress p = lists.checklists().stream().filter(c -> c.template().id().equals("first-two-hours"))
                .findFirst().orElseThrow();
        return p.ticks();
    }

    @Test
    void onlyFactsTheAppSeesTickItems() {
        MutableClock clock = new MutableClock(T0);
        try (Database db = Database.open(dir.resolve("ticks"))) {
            CrisisService crises = new CrisisService(db, clock, "ic");
            ChecklistService lists = new ChecklistService(db, clock, "ic", ChecklistLoader.loadBuiltIn());
            CommsService comms = new CommsService(db, clock, "ic", CommsCadence.seedDefault(), LiveFigures.none(),
                    ZoneOffset.UTC);
            crises.start("Launch surge", null, T0, null);
            clock.advance(Duration.ofMinutes(1));

            Map<String, ChecklistTick> ticks = firstTwoHours(lists);
            assertNull(ticks.get("confirm-surge"), "judgement: what users report is not something the app sees");
            assertNull(ticks.get("open-war-room"), "the chat channel and call are not something the app sees");
            assertNull(ticks.get("assign-commander"));

            crises.assignRole(CrisisRole.SCRIBE.key(), "sam");
            assertNull(firstTwoHours(lists).get("assign-commander"), "a scribe is not a commander");
            crises.assignRole(CrisisRole.COMMANDER.key(), "alice");
            ChecklistTick commander = firstTwoHours(lists).get("assign-commander");
            assertTrue(commander.automatic());
            assertTrue(commander.note().contains("incident commander"), commander.note());

            comms.markSent("war-room", OutputFormat.SLACK, "War room is open");
            assertNull(firstTwoHours(lists).get("first-message"), "the internal war-room note tells no customer");
            comms.markSent("status-page", OutputFormat.PLAIN, "We know signups are failing and are on it.");
            ChecklistTick told = firstTwoHours(lists).get("first-message");
            assertTrue(told.automatic());
            assertTrue(told.note().contains("status-page"), told.note());
            assertNull(firstTwoHours(lists).get("confirm-surge"), "still never ticked");
        }
    }

    @Test
    void aCommanderNamedAtTheStartTicksTheItem() {
        MutableClock clock = new MutableClock(T0);
        try (Database db = Database.open(dir.resolve("start"))) {
            new CrisisService(db, clock, "ic").start("Launch surge", null, T0, "alice");
            ChecklistService lists = new ChecklistService(db, clock, "ic", ChecklistLoader.loadBuiltIn());
            assertTrue(firstTwoHours(lists).get("assign-commander").automatic());
        }
    }

    @Test
    void eventRulesMustNameAKindTheAppWrites() {
        assertTrue(AutoTick.known("event:FEATURES_PAUSED"));
        assertFalse(AutoTick.known("event:MESSAGE_SENT"), "no such event is ever written");
        assertEquals(true, AutoTick.known("status-message-sent"));
    }
}
