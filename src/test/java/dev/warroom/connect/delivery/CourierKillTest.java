package dev.warroom.connect.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.config.ChannelSettings;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.outbox.DeliveryState;
import dev.warroom.domain.outbox.OutboxMessage;
import dev.warroom.store.Database;
import dev.warroom.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the delivering process with SIGKILL again and again, most often in the worst place: after the
 * service applied a message and before the answer reached War Room. Nothing may be lost, and the
 * Statuspage fake and the key-keeping webhook must each have applied every message exactly once.
 */
class CourierKillTest {
    private static final int MESSAGES = 40;
    private static final int ROUNDS = 32;
    /** Above the 2 s request timeouts: an interrupted request has landed (or died) before it is checked. */
    static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(4);

    @TempDir
    Path dir;

    static List<ChannelSettings> channels(String base) {
        return List.of(
                new ChannelSettings("statuspage", "statuspage", base, null, "SP_KEY", FakeServices.PAGE,
                        List.of("status-page"), "2s"),
                new ChannelSettings("ops-hook", "webhook", base + "/hook", null, null, null, List.of("status-page"),
                        "2s"));
    }

    @Test
    void killDashNineBetweenSendAndAcknowledgementNeverLosesNorDoublesAMessage() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path db = dir.resolve("outbox");
        try (FakeServices fakes = new FakeServices()) {
            try (Database d = Database.open(db)) {
                new CrisisService(d, Clock.systemUTC(), "tester", List.of()).start("Launch surge", ScaleSeverity.VIRAL,
                        Clock.systemUTC().instant(), "alice");
                CommsService comms = new CommsService(d, Clock.systemUTC(), "tester", CommsCadence.seedDefault(),
                        LiveFigures.none(), ZoneOffset.UTC, channels(fakes.base()));
                for (int i = 1; i <= MESSAGES; i++) {
                    comms.markSent("status-page", OutputFormat.PLAIN, "Status update number " + i + ".");
                }
            }
            int killsBetweenApplyAndAck = 0;
            int kills = 0;
            for (int round = 0; round < ROUNDS; round++) {
                AtomicReference<ChildJvm> victim = new AtomicReference<>();
                CountDownLatch killed = new CountDownLatch(1);
                boolean inHandler = random.nextInt(4) != 0; // three rounds in four: kill inside the exchange
                AtomicInteger writesLeft = new AtomicInteger(random.nextInt(3));
                fakes.afterApply = key -> {
                    if (inHandler && writesLeft.getAndDecrement() == 0) {
                        try {
                            victim.get().kill();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        killed.countDown();
                    }
                };
                try (ChildJvm child = ChildJvm.start(CourierChild.class, dir.resolve("child-" + round + ".err"),
                        db.toString(), fakes.base())) {
                    victim.set(child);
                    child.awaitReady();
                    if (inHandler) {
                        if (killed.await(60, TimeUnit.SECONDS)) {
                            killsBetweenApplyAndAck++;
                            kills++;
                        } else {
                            break; // everything was delivered before this round's kill point
                        }
                    } else {
                        Thread.sleep(random.nextInt(150));
                        child.kill();
                    }
                    kills++;
                } finally {
                    fakes.afterApply = key -> { };
                }
            }
            try (ChildJvm child = ChildJvm.start(CourierChild.class, dir.resolve("final.err"), db.toString(),
                    fakes.base())) {
                child.awaitReady();
                assertNotNull(child.next("DONE"), "the last run drained the queue:\n" + child.stderr());
            }
            try (Database d = Database.open(db)) {
                List<OutboxMessage> all = d.read(tx -> tx.allOutbox());
                assertEquals(2 * MESSAGES, all.size());
                for (OutboxMessage m : all) {
                    assertEquals(DeliveryState.DELIVERED, m.state(), "seed " + seed + ": not delivered: " + m);
                    if (m.kind().equals("STATUSPAGE")) {
                        assertEquals(1, fakes.statuspageApplied.getOrDefault(m.idempotencyKey(), 0),
                                "seed " + seed + ": Statuspage applied \"" + m.text() + "\" this often");
                    } else {
                        assertEquals(1, fakes.hookApplied.getOrDefault(m.idempotencyKey(), 0),
                                "seed " + seed + ": webhook never got " + m.text());
                    }
                }
                assertEquals(1, fakes.incidents.size(), "seed " + seed + ": one incident");
                assertEquals(MESSAGES, fakes.incidents.values().iterator().next().get("incident_updates").size(),
                        "seed " + seed + ": one incident update per message");
            }
            System.out.println("CourierKillTest: seed " + seed + ", " + kills + " kills, " + killsBetweenApplyAndAck
                    + " of them between a service applying a message and War Room hearing it");
            assertTrue(kills >= 30, "only " + kills + " kills");
            assertTrue(killsBetweenApplyAndAck >= 15, "only " + killsBetweenApplyAndAck + " kills hit the window");
        }
    }
}
