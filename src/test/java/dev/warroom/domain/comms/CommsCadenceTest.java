package dev.warroom.domain.comms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommsCadenceTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final CommsCadence cadence = CommsCadence.seedDefault();

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private DueMessage on(String channel, Map<String, Instant> last, Instant now) {
        return cadence.schedule(T0, null, last, now).stream().filter(d -> d.step().channel().equals(channel))
                .findFirst().orElseThrow();
    }

    @Test
    void seedDefaultsAreWarRoomStatusPageCustomersDetailed() {
        List<DueMessage> s = cadence.schedule(T0, null, Map.of(), T0);
        assertEquals(List.of("war-room", "status-page", "customers", "detailed"),
                s.stream().map(d -> d.step().channel()).toList());
        assertEquals(List.of(at(0), at(30), at(120), at(360)), s.stream().map(DueMessage::dueAt).toList());
    }

    @Test
    void statusPageBecomesDueAtThirtyMinutesAndOverdueAfterTheGrace() {
        assertEquals(DueState.UPCOMING, on("status-page", Map.of(), at(29)).state());
        assertEquals("in 1m", on("status-page", Map.of(), at(29)).countdown());
        assertEquals(DueState.DUE, on("status-page", Map.of(), at(30)).state());
        assertEquals("due now", on("status-page", Map.of(), at(30)).countdown());
        assertEquals(DueState.DUE, on("status-page", Map.of(), at(39)).state());
        assertEquals("due 9m ago", on("status-page", Map.of(), at(39)).countdown());
        assertEquals(DueState.OVERDUE, on("status-page", Map.of(), at(40)).state());
        assertEquals("overdue by 1h 05m", on("status-page", Map.of(), at(95)).countdown());
    }

    @Test
    void sendingResetsOnlyThatChannel() {
        Map<String, Instant> last = Map.of("status-page", at(45));
        DueMessage status = on("status-page", last, at(46));
        assertEquals(at(45 + 120), status.dueAt());
        assertEquals(DueState.UPCOMING, status.state());
        assertEquals(DueState.OVERDUE, on("war-room", last, at(46)).state(), "the war room is still unsent");
    }

    @Test
    void oneShotChannelIsDoneOnceHandled() {
        List<DueMessage> s = cadence.schedule(T0, null, Map.of("war-room", at(2)), at(3));
        assertTrue(s.stream().noneMatch(d -> d.step().channel().equals("war-room")));
    }

    @Test
    void skippingCountsAsHandledForTheCadence() {
        // a skip is recorded like a send: the channel's clock restarts from the skip
        Map<String, Instant> last = Map.of("customers", at(130));
        assertEquals(at(250), on("customers", last, at(131)).dueAt());
    }

    @Test
    void aCommanderWhoSendsOnTimeIsNeverOverdueAcross72Hours() {
        Map<String, Instant> last = new HashMap<>();
        int sent = 0;
        for (long m = 0; m <= 72 * 60; m++) {
            Instant now = at(m);
            for (DueMessage d : cadence.schedule(T0, null, last, now)) {
                assertTrue(d.state() != DueState.OVERDUE, d + " at T+" + m);
                if (d.state() == DueState.DUE) {
                    last.put(d.step().channel(), now);
                    sent++;
                }
            }
        }
        // war room once; status page 30m then every 2h; customers and detailed every 2h from 2h and 6h
        int statusPage = 1 + (int) ((72 * 60 - 30) / 120);
        int customers = 1 + (int) ((72 * 60 - 120) / 120);
        int detailed = 1 + (int) ((72 * 60 - 360) / 120);
        assertEquals(1 + statusPage + customers + detailed, sent);
    }

    @Test
    void anIgnoredCadenceStaysOverdueWithoutPilingUp() {
        List<DueMessage> s = cadence.schedule(T0, null, Map.of(), at(72 * 60));
        assertEquals(4, s.size(), "one pending message per channel, not one per missed slot");
        assertTrue(s.stream().allMatch(d -> d.state() == DueState.OVERDUE));
    }

    @Test
    void nothingIsDueOnceTheCrisisHasEnded() {
        assertTrue(cadence.schedule(T0, at(300), Map.of(), at(400)).isEmpty());
    }

    @Test
    void backDatedStartMakesEarlyMessagesOverdueAtOnce() {
        List<DueMessage> s = cadence.schedule(T0, null, Map.of(), at(150));
        assertEquals(DueState.OVERDUE, s.get(0).state());
        assertEquals(DueState.DUE, on("customers", Map.of(), at(125)).state());
    }
}
