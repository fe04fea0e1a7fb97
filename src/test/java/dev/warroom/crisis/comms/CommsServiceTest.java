package dev.warroom.crisis.comms;

import dev.warroom.testing.Backend;
import dev.warroom.testing.PostgresExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.domain.CrisisOverview;
import dev.warroom.domain.CrisisRole;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.CommsOutcome;
import dev.warroom.domain.comms.DueMessage;
import dev.warroom.domain.comms.DueState;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crisis lifecycle and comms on a real H2 file. */
/** Runs on H2 and on PostgreSQL (team mode): the same tests, both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@ExtendWith(PostgresExtension.class)
class CommsServiceTest {
    @Parameter
    Backend backend;

    @TempDir
    Path dir;
    private Database db;
    private MutableClock clock;
    private CrisisService crises;
    private CommsService comms;
    private Instant t0;

    @BeforeEach
    void open() {
        db = backend.open(dir, "warroom");
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        t0 = clock.instant();
        crises = new CrisisService(db, clock, "tester", List.of(CrisisRole.titled("Infrastructure lead")));
        comms = new CommsService(db, clock, "tester", CommsCadence.seedDefault(), LiveFigures.none(), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DueMessage due(String channel) {
        return comms.status().schedule().stream().filter(d -> d.step().channel().equals(channel)).findFirst()
                .orElseThrow();
    }

    private List<TimelineEvent> events() {
        return db.read(tx -> tx.latestEvents(100));
    }

    @Test
    void startWithSeverityAndCommanderThenHandOverAndDeclareStable() {
        CrisisOverview o = crises.start("Launch surge", ScaleSeverity.VIRAL, t0.minus(Duration.ofMinutes(45)), "@alice");
        assertEquals(ScaleSeverity.VIRAL, o.severity());
        assertEquals("alice", o.commander().orElseThrow());
        assertEquals(4, crises.roles().size());

        clock.advance(Duration.ofMinutes(10));
        crises.assignRole("incident-commander", "bob");
        crises.assignRole("infrastructure-lead", "carol");
        CrisisOverview now = crises.activeOverview().orElseThrow();
        assertEquals("bob", now.commander().orElseThrow());
        assertEquals("carol", now.holders().get("infrastructure-lead"));
        assertTrue(events().stream().anyMatch(e -> e.kind() == EventKind.ROLE_ASSIGNED
                && e.summary().equals("Incident commander handed over from alice to bob")));
        assertThrows(InvalidInputException.class, () -> crises.assignRole("incident-commander", "bob"));
        assertThrows(InvalidInputException.class, () -> crises.assignRole("chef", "dan"));

        clock.advance(Duration.ofHours(30));
        CrisisOverview ended = crises.declareStable();
        assertFalse(ended.crisis().active());
        assertEquals(Duration.ofMinutes(30 * 60 + 55), ended.recoveryTime().orElseThrow());
        TimelineEvent end = events().get(0);
        assertEquals(EventKind.CRISIS_ENDED, end.kind());
        assertTrue(end.summary().contains("within the 72 h target"), end.summary());
        assertTrue(crises.active().isEmpty());
        assertEquals(1, crises.history().size());
        assertThrows(InvalidInputException.class, () -> crises.declareStable());
    }

    @Test
    void survivesReopeningTheFile() {
        crises.start("Surge", ScaleSeverity.SURGE, t0, "alice");
        clock.advance(Duration.ofMinutes(31));
        comms.markSent("status-page", OutputFormat.PLAIN, "We are on it.");
        db.close();
        db = backend.open(dir, "warroom");
        crises = new CrisisService(db, clock, "tester");
        comms = new CommsService(db, clock, "tester", CommsCadence.seedDefault(), LiveFigures.none(), ZoneOffset.UTC);
        assertEquals(ScaleSeverity.SURGE, crises.activeOverview().orElseThrow().severity());
        assertEquals("We are on it.", comms.status().log().get(0).text());
        assertEquals(t0.plus(Duration.ofMinutes(31 + 120)), due("status-page").dueAt());
    }

    @Test
    void markSentRecordsExactTextAndResetsTheChannel() {
        crises.start("Surge", null, t0, "alice");
        clock.advance(Duration.ofMinutes(30));
        assertEquals(DueState.DUE, due("status-page").state());
        String text = "Investigating slower service.\n<!channel> line two & more";
        comms.markSent("status-page", OutputFormat.SLACK, text);
        assertEquals(DueState.UPCOMING, due("status-page").state());
        assertEquals(clock.instant().plus(Duration.ofHours(2)), due("status-page").dueAt());
        TimelineEvent sent = events().get(0);
        assertEquals(EventKind.COMMS_SENT, sent.kind());
        assertEquals("comms:status-page", sent.subject());
        assertTrue(sent.after().contains("\"text\":\"Investigating slower service.\\n<!channel> line two & more\""),
                sent.after());
        assertTrue(sent.summary().startsWith("Status page update sent at T+00:30 (Slack)"), sent.summary());
        assertEquals(text, comms.status().log().get(0).text());
        assertEquals(OutputFormat.SLACK, comms.status().log().get(0).format());
    }

    @Test
    void skipNeedsAReasonAndClearsTheOverdueFlag() {
        crises.start("Surge", null, t0, "alice");
        clock.advance(Duration.ofMinutes(20));
        assertEquals(DueState.OVERDUE, due("war-room").state());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> comms.skip("war-room", "  "));
        assertEquals("reason", e.field());
        comms.skip("war-room", "Everyone is already on the call");
        assertTrue(comms.status().schedule().stream().noneMatch(d -> d.step().channel().equals("war-room")));
        assertEquals(CommsOutcome.SKIPPED, comms.status().log().get(0).outcome());
        assertEquals(EventKind.COMMS_SKIPPED, events().get(0).kind());
        assertTrue(events().get(0).summary().endsWith("Everyone is already on the call"));
    }

    @Test
    void refusesMessagesWithGapsEmptyTextOrNoCrisis() {
        assertThrows(InvalidInputException.class, () -> comms.markSent("status-page", OutputFormat.PLAIN, "hi"));
        crises.start("Surge", null, t0, null);
        assertThrows(InvalidInputException.class, () -> comms.markSent("status-page", OutputFormat.PLAIN,
                "Traffic ⟦missing: traffic_multiple⟧"));
        assertThrows(InvalidInputException.class, () -> comms.markSent("status-page", OutputFormat.PLAIN, "  "));
        assertThrows(InvalidInputException.class, () -> comms.markSent("nowhere", OutputFormat.PLAIN, "hi"));
        assertTrue(comms.status().log().isEmpty());
    }

    @Test
    void valuesComeFromTheCrisisAndTheCadence() {
        crises.start("Surge", ScaleSeverity.VIRAL, t0, "alice");
        clock.advance(Duration.ofMinutes(30));
        var v = comms.values("status-page");
        assertEquals("Surge", v.get("crisis_name"));
        assertEquals("T+00:30", v.get("clock"));
        assertEquals("alice", v.get("commander"));
        assertEquals("12:30", v.get("next_update"));
        assertFalse(v.containsKey("traffic_multiple"), "no metrics: left for the renderer to show as a gap");
    }

    @Test
    void severityFallsBackToTheLiveOneWhenNoneIsDeclared() {
        crises.start("Surge", null, t0, "alice");
        assertFalse(comms.values("war-room").containsKey("severity"), "nothing declared, nothing measured: a gap");
        db.write(tx -> {
            tx.append(TimelineEvent.of(t0, "system", EventKind.SCALE_SEVERITY_CHANGED, "scale",
                    "Scale severity GROWTH → SURGE", dev.warroom.crisis.StateJson.of(java.util.Map.of("level", "GROWTH")),
                    dev.warroom.crisis.StateJson.of(java.util.Map.of("level", "SURGE"))));
            return null;
        });
        assertEquals("SURGE", comms.values("war-room").get("severity"), "the banner's live severity fills it");
    }

    @Test
    void aDeclaredSeverityWinsOverTheLiveOne() {
        crises.start("Surge", ScaleSeverity.VIRAL, t0, "alice");
        db.write(tx -> {
            tx.append(TimelineEvent.of(t0, "system", EventKind.SCALE_SEVERITY_CHANGED, "scale", "Scale severity",
                    null, dev.warroom.crisis.StateJson.of(java.util.Map.of("level", "GROWTH"))));
            return null;
        });
        assertEquals("VIRAL", comms.values("war-room").get("severity"));
    }

    @Test
    void promisedTimesComeFromTheChannelsOwnSchedule() {
        crises.start("Surge", ScaleSeverity.SURGE, t0, "alice");
        clock.advance(Duration.ofMinutes(7));
        // the war room channel is a one-off: its message promises no next check-in, even though the status
        // page is due at 10:30
        var oneOff = comms.values("war-room");
        assertEquals("", oneOff.get("next_update"));
        var kickoff = TemplateRenderer.render("{{#next_update}}Next internal check-in: {{next_update}}.{{/next_update}}",
                oneOff, OutputFormat.SLACK);
        assertEquals("", kickoff.text().strip(), kickoff.text());
        assertTrue(kickoff.gaps().isEmpty(), kickoff.gaps().toString());
        // a repeating channel promises the next one a repeat after now
        assertEquals("12:07", comms.values("customers").get("next_update"));
        assertEquals("2h", comms.values("customers").get("next_update_in"));
    }

    @Test
    void aCardsPublicSummaryIsStoredAndOnlyItReachesCustomerChannels() {
        crises.start("Surge", ScaleSeverity.SURGE, t0, "alice");
        dev.warroom.crisis.BoardService board = new dev.warroom.crisis.BoardService(db, clock, "alice",
                dev.warroom.domain.BoardPolicy.defaults());
        dev.warroom.domain.Card quiet = board.create(dev.warroom.domain.CardDraft.of("Login returns 502 under load", "",
                null, dev.warroom.domain.Priority.CRITICAL, "", "", "", t0, ZoneOffset.UTC),
                dev.warroom.domain.Column.BACKLOG);
        dev.warroom.domain.Card told = board.create(dev.warroom.domain.CardDraft.of("Kill the N+1 in search", "", null,
                dev.warroom.domain.Priority.CRITICAL, "", "", "", "Faster search results", t0, ZoneOffset.UTC),
                dev.warroom.domain.Column.BACKLOG);
        assertEquals("Faster search results", db.read(tx -> tx.cards()).stream().filter(c -> c.id() == told.id())
                .findFirst().orElseThrow().publicSummary(), "stored");

        String status = String.valueOf(comms.values("status-page").get("working"));
        assertTrue(status.contains("Faster search results"), status);
        assertFalse(status.contains("Kill the N+1") || status.contains("Login returns 502"), status);
        String team = String.valueOf(comms.values("war-room").get("working"));
        assertTrue(team.contains("Login returns 502 under load") && team.contains("Kill the N+1 in search"), team);

        dev.warroom.domain.Card edited = board.edit(quiet.id(), quiet.version(), dev.warroom.domain.CardDraft.of(
                quiet.title(), "", null, dev.warroom.domain.Priority.CRITICAL, "", "", "", "Reliable logins", t0,
                ZoneOffset.UTC));
        assertEquals("Reliable logins", edited.publicSummary());
        db.close();
        db = backend.open(dir, "warroom");
        assertTrue(db.read(tx -> tx.cards()).stream().anyMatch(c -> c.publicSummary().equals("Reliable logins")),
                "survives reopening");
    }

    @Test
    void savingConfirmsOverwritesAndPlacesOutsideTheFolder() throws Exception {
        Path folder = dir.resolve("out");
        java.nio.file.Files.createDirectories(folder);
        MessageFiles.Target t = MessageFiles.check(folder, "update.md");
        assertFalse(t.needsConfirmation());
        MessageFiles.write(t, "hello");
        assertTrue(MessageFiles.check(folder, "update.md").exists());
        assertTrue(MessageFiles.check(folder, "../escape.md").outsideFolder());
        assertTrue(MessageFiles.check(folder, "../escape.md").needsConfirmation());
        assertEquals("hello", java.nio.file.Files.readString(folder.resolve("update.md")));
        assertThrows(InvalidInputException.class, () -> MessageFiles.check(folder, " "));
    }
}
