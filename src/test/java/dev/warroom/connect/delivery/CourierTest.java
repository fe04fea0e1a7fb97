package dev.warroom.connect.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.warroom.connect.delivery.FakeServices.Fault;
import dev.warroom.config.ChannelSettings;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.crisis.outbox.Outbox;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.outbox.DeliveryAttempt;
import dev.warroom.domain.outbox.DeliveryState;
import dev.warroom.domain.outbox.OutboxMessage;
import dev.warroom.domain.outbox.PublicStatus;
import dev.warroom.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sent messages reach loopback fakes of Slack, Statuspage and a webhook that fail, stall, throttle and come back. */
class CourierTest {
    /** Above the 1 s request timeouts below: a stalled request has landed before it is checked. */
    static final Duration SETTLE = Duration.ofSeconds(3);
    @TempDir
    Path dir;
    Database db;
    FakeServices fakes;
    Courier courier;
    CommsService comms;

    static List<ChannelSettings> channels(FakeServices f) {
        return List.of(
                new ChannelSettings("slack", "slack", null, "SLACK_URL", null, null, List.of("war-room"), "1s"),
                new ChannelSettings("statuspage", "statuspage", f.base(), null, "SP_KEY", FakeServices.PAGE,
                        List.of("status-page"), "1s"),
                new ChannelSettings("ops-hook", "webhook", f.base() + "/hook", null, null, null,
                        List.of("status-page", "detailed"), "1s"));
    }

    static Map<String, String> env(FakeServices f) {
        return Map.of("SLACK_URL", f.base() + "/slack", "SP_KEY", FakeServices.KEY);
    }

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("warroom"));
        fakes = new FakeServices();
        new CrisisService(db, Clock.systemUTC(), "tester", List.of()).start("Launch surge", ScaleSeverity.VIRAL,
                Clock.systemUTC().instant(), "alice");
        comms = new CommsService(db, Clock.systemUTC(), "tester", CommsCadence.seedDefault(), LiveFigures.none(),
                ZoneOffset.UTC, channels(fakes));
    }

    @AfterEach
    void close() {
        if (courier != null) {
            courier.close();
        }
        fakes.close();
        db.close();
    }

    List<OutboxMessage> outbox() {
        return db.read(tx -> tx.allOutbox());
    }

    @Test
    void sentMessageIsQueuedInTheSameTransactionAsTheSentRecord() {
        comms.markSent("status-page", OutputFormat.PLAIN, "We are investigating slow signups.");
        List<OutboxMessage> queued = outbox();
        assertEquals(2, queued.size(), "status-page goes to Statuspage and the ops webhook");
        assertTrue(queued.stream().allMatch(m -> m.state() == DeliveryState.QUEUED));
        assertEquals(PublicStatus.INVESTIGATING, queued.stream().filter(m -> m.kind().equals("STATUSPAGE")).findFirst()
                .orElseThrow().publicStatus());
        comms.markSent("customers", OutputFormat.PLAIN, "Nobody is configured for this channel.");
        assertEquals(2, outbox().size(), "a channel with no delivery queues nothing");
    }

    @Test
    void everyMessageArrivesOnceThroughFailuresStallsThrottlingAndAnOutage() throws Exception {
        fakes.script(Fault.ERROR, Fault.STALL, Fault.RATE_LIMIT, Fault.NONE, Fault.STALL, Fault.ERROR,
                Fault.RATE_LIMIT);
        comms.markSent("war-room", OutputFormat.SLACK, "War room is open: #surge");
        comms.markSent("status-page", OutputFormat.PLAIN, "We are investigating slow signups.");
        comms.markSent("status-page", OutputFormat.PLAIN, "We found the cause: the signup database.", PublicStatus.IDENTIFIED);
        comms.markSent("detailed", OutputFormat.MARKDOWN, "Detailed update one.");
        comms.markSent("status-page", OutputFormat.PLAIN, "A fix is in place; we are watching it.", PublicStatus.MONITORING);
        fakes.goOffline();
        courier = Courier.start(new Outbox(db, Clock.systemUTC(), SETTLE), Clock.systemUTC(), channels(fakes),
                env(fakes)::get);
        await(() -> outbox().stream().anyMatch(m -> m.lastError().startsWith("cannot reach")), "an offline attempt");
        fakes.comeBack();
        courier.wake();
        await(() -> outbox().stream().allMatch(m -> m.state() == DeliveryState.DELIVERED), "every message delivered");

        List<OutboxMessage> all = outbox();
        assertEquals(8, all.size());
        // Statuspage: one incident, each message applied exactly once, in order, with its status.
        assertEquals(1, fakes.incidents.size(), "one incident for the crisis");
        List<OutboxMessage> sp = all.stream().filter(m -> m.kind().equals("STATUSPAGE")).toList();
        for (OutboxMessage m : sp) {
            assertEquals(1, fakes.statuspageApplied.get(m.idempotencyKey()), "applied once: " + m.text());
        }
        var updates = fakes.incidents.values().iterator().next().get("incident_updates");
        assertEquals(3, updates.size());
        assertEquals("investigating", updates.get(0).get("status").asText());
        assertEquals("identified", updates.get(1).get("status").asText());
        assertEquals("monitoring", updates.get(2).get("status").asText());
        assertEquals("A fix is in place; we are watching it.", updates.get(2).get("body").asText());
        // Webhook: every key applied once.
        List<OutboxMessage> hook = all.stream().filter(m -> m.kind().equals("WEBHOOK")).toList();
        assertEquals(4, hook.size());
        for (OutboxMessage m : hook) {
            assertEquals(1, fakes.hookApplied.get(m.idempotencyKey()));
        }
        // Slack: at least once.
        assertTrue(fakes.slackTexts.contains("War room is open: #surge"));
        // The history shows the retries, and 429's Retry-After was honoured.
        long retries = all.stream().mapToLong(m -> db.read(tx -> tx.deliveryAttempts(m.id())).stream()
                .filter(a -> a.outcome().equals("retry") || a.outcome().equals("no answer")).count()).sum();
        assertTrue(retries >= 6, "retries recorded: " + retries);
        assertRetryAfterHonoured();
        long delivered = db.read(tx -> tx.latestEvents(1000)).stream()
                .filter(e -> e.kind() == EventKind.COMMS_DELIVERED).count();
        assertEquals(8, delivered, "each delivery is on the timeline once");
    }

    private void assertRetryAfterHonoured() {
        List<FakeServices.Request> reqs = List.copyOf(fakes.requests);
        int checked = 0;
        for (int i = 0; i < reqs.size(); i++) {
            FakeServices.Request r = reqs.get(i);
            if (r.status() != 429) {
                continue;
            }
            for (int j = i + 1; j < reqs.size(); j++) {
                FakeServices.Request next = reqs.get(j);
                if (next.service().equals(r.service()) && !next.method().equals("GET")) {
                    long gap = Duration.ofNanos(next.atNanos() - r.atNanos()).toMillis();
                    assertTrue(gap >= 950, "next " + r.service() + " request only " + gap + " ms after 429 Retry-After: 1");
                    checked++;
                    break;
                }
            }
        }
        assertTrue(checked >= 1, "a 429 was answered and followed up");
    }

    @Test
    void aRefusalFailsTheMessageWithTheReasonAndAPersonCanRetryIt() throws Exception {
        courier = Courier.start(new Outbox(db, Clock.systemUTC(), SETTLE), Clock.systemUTC(), channels(fakes),
                Map.of("SLACK_URL", fakes.base() + "/slack")::get); // no Statuspage key
        comms.markSent("status-page", OutputFormat.PLAIN, "We are investigating.");
        courier.wake();
        await(() -> outbox().stream().anyMatch(m -> m.state() == DeliveryState.FAILED), "a failure");
        OutboxMessage failed = outbox().stream().filter(m -> m.state() == DeliveryState.FAILED).findFirst().orElseThrow();
        assertEquals("the environment variable SP_KEY with the Statuspage API key is not set", failed.lastError());
        List<DeliveryAttempt> history = new Outbox(db, Clock.systemUTC(), SETTLE).history(failed.id());
        assertEquals(List.of("started", "failed"), history.stream().map(DeliveryAttempt::outcome).toList());
        assertTrue(db.read(tx -> tx.latestEvents(100)).stream().anyMatch(e -> e.kind() == EventKind.COMMS_DELIVERY_FAILED));
        assertEquals(DeliveryState.QUEUED, new Outbox(db, Clock.systemUTC(), SETTLE).retryNow(failed.id()).state());
    }

    private void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        fail(what + " did not happen within 60 s: " + outbox());
    }
}
