package dev.warroom.ui.comms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.config.ChannelSettings;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.crisis.outbox.Outbox;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.outbox.OutboxMessage;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import dev.warroom.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Comms log and the wall say about deliveries, without a screen. */
class DeliveryStatesTest {
    @TempDir
    Path dir;
    Database db;
    MutableClock clock;
    CommsService comms;
    DeliveryStates states;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("warroom"));
        clock = MutableClock.at("2026-12-01T14:00:00Z");
        new CrisisService(db, clock, "alice", List.of()).start("Surge", ScaleSeverity.VIRAL, clock.instant(), "alice");
        comms = new CommsService(db, clock, "alice", CommsCadence.seedDefault(), LiveFigures.none(), ZoneOffset.UTC,
                List.of(new ChannelSettings("statuspage", "statuspage", null, null, "K", "p", List.of("status-page"), null),
                        new ChannelSettings("slack", "slack", null, "S", null, null, List.of("war-room"), null)));
        states = new DeliveryStates(comms, TaskRunner.immediate(), ZoneOffset.UTC,
                ch -> comms.cadence().step(ch).map(s -> s.label()).orElse(ch));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void undeliveredPublicMessagesAreNamedAndDeliveredOnesAreNot() {
        comms.markSent("war-room", OutputFormat.SLACK, "internal only");
        comms.markSent("status-page", OutputFormat.PLAIN, "We are investigating.");
        states.show(comms.deliveries(), clock.instant());
        assertEquals("Not delivered yet: Status page to statuspage (queued)", states.undeliveredProperty().get(),
                "the internal war-room message is not a public one");

        Outbox outbox = new Outbox(db, clock);
        OutboxMessage first = outbox.claimNext().orElseThrow().message();
        outbox.delivered(first, "ok", null);
        OutboxMessage second = outbox.claimNext().orElseThrow().message();
        outbox.retryLater(second, "HTTP 503", null);
        clock.advance(Duration.ofSeconds(3));
        states.tick(clock.instant());
        assertEquals("Not delivered yet: Status page to statuspage (retrying: HTTP 503)",
                states.undeliveredProperty().get());
        Map<Long, List<OutboxMessage>> by = states.byMessageProperty().get();
        assertEquals(2, by.size());
        assertTrue(by.values().stream().flatMap(List::stream).anyMatch(m -> states.describe(m).equals("delivered 14:00")));

        clock.advance(Duration.ofSeconds(3));
        OutboxMessage again = outbox.claimNext().orElseThrow().message();
        outbox.failed(again, "HTTP 404: no such page");
        states.tick(clock.instant());
        assertEquals("Not delivered yet: Status page to statuspage (failed: HTTP 404: no such page)",
                states.undeliveredProperty().get());
        states.tick(clock.instant().plusSeconds(10));
        assertEquals(2, states.byMessageProperty().get().size(), "nothing pending: no more reads needed");
    }
}
