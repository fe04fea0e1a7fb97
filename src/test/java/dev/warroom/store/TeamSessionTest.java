package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.testing.PostgresCluster;
import dev.warroom.testing.PostgresExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two clients on one team database: change notification, the safety net, presence, recorder election. */
@ExtendWith(PostgresExtension.class)
class TeamSessionTest {
    static final TeamDatabase.TeamTimings FAST = new TeamDatabase.TeamTimings(Duration.ofMillis(300),
            Duration.ofMillis(1500), Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(1));

    private PostgresCluster pg;
    private String name;
    private Database alice;
    private Database bob;

    private Database open(String actor) {
        return TeamDatabase.open(new TeamAddress(pg.host(), pg.port(), name, PostgresCluster.SUPERUSER),
                TeamDatabase.Options.of(actor, "laptop").withTimings(FAST));
    }

    @BeforeEach
    void open() {
        pg = PostgresExtension.cluster();
        name = PostgresExtension.newDatabase();
        alice = open("alice");
        bob = open("bob");
    }

    @AfterEach
    void close() {
        bob.close();
        alice.close();
    }

    private static void waitFor(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void setting(Database db, String value) {
        db.write(tx -> {
            tx.saveSetting("note", value);
            return null;
        });
    }

    @Test
    void aChangeCommittedByOneClientReachesTheOthersListenerWithinOneSecond() throws Exception {
        BlockingQueue<TeamChange> bobHears = new LinkedBlockingQueue<>();
        BlockingQueue<TeamChange> aliceHears = new LinkedBlockingQueue<>();
        TeamSession bobSession = bob.teamSession().orElseThrow();
        TeamSession aliceSession = alice.teamSession().orElseThrow();
        try (AutoCloseable a = bobSession.subscribe(new TeamListener() {
            @Override
            public void changed(TeamChange change) {
                bobHears.add(change);
            }
        }); AutoCloseable b = aliceSession.subscribe(new TeamListener() {
            @Override
            public void changed(TeamChange change) {
                aliceHears.add(change);
            }
        })) {
            for (int i = 0; i < 5; i++) {
                long committed = System.nanoTime();
                setting(alice, "v" + i);
                TeamChange heard = bobHears.poll(1, TimeUnit.SECONDS);
                long tookMs = (System.nanoTime() - committed) / 1_000_000;
                assertTrue(heard != null, "bob heard nothing within 1 s");
                assertTrue(tookMs < 1000, tookMs + " ms");
                assertEquals(aliceSession.clientId(), heard.byClient());
                assertFalse(heard.own());
                assertEquals("v" + i, bob.read(tx -> tx.setting("note")).orElseThrow());
                TeamChange own = aliceHears.poll(1, TimeUnit.SECONDS);
                assertTrue(own != null && own.own(), String.valueOf(own));
            }
            assertThrows(RuntimeException.class, () -> alice.write(tx -> {
                tx.saveSetting("note", "rolled back");
                throw new IllegalStateException("changed my mind");
            }));
            assertEquals(null, bobHears.poll(700, TimeUnit.MILLISECONDS), "a rolled-back change sends nothing");
        }
    }

    @Test
    void aChangeWhoseNotificationWasMissedIsFoundByThePeriodicReRead() throws Exception {
        BlockingQueue<TeamChange> bobHears = new LinkedBlockingQueue<>();
        try (AutoCloseable s = bob.teamSession().orElseThrow().subscribe(new TeamListener() {
            @Override
            public void changed(TeamChange change) {
                bobHears.add(change);
            }
        })) {
            try (Connection c = pg.admin(name); Statement st = c.createStatement()) {
                st.execute("UPDATE team_change SET seq = seq + 1 WHERE id = 1"); // a change without its NOTIFY
            }
            TeamChange heard = bobHears.poll(3, TimeUnit.SECONDS);
            assertTrue(heard != null && heard.resync(), String.valueOf(heard));
        }
    }

    @Test
    void clientsAnnounceThemselvesAndDropOffWhenTheyLeaveOrGoSilent() throws Exception {
        TeamSession a = alice.teamSession().orElseThrow();
        waitFor("both present", Duration.ofSeconds(3),
                () -> a.present().stream().map(TeamMember::actor).sorted().toList().equals(List.of("alice", "bob")));
        try (Connection c = pg.admin(name); Statement st = c.createStatement()) {
            st.execute("INSERT INTO team_presence (client_id, actor, host, kind, started_at, heartbeat_at) VALUES "
                    + "('ghost', 'carol', 'old-laptop', 'laptop', now() - interval '1 hour', now() - interval '1 hour')");
        }
        assertFalse(a.present().stream().anyMatch(m -> m.actor().equals("carol")), "a silent client is not shown");
        waitFor("the silent row removed", Duration.ofSeconds(3), () -> {
            try (Connection c = pg.admin(name); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*) FROM team_presence WHERE client_id = 'ghost'")) {
                rs.next();
                return rs.getInt(1) == 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        bob.close();
        waitFor("bob gone", Duration.ofSeconds(2),
                () -> a.present().stream().map(TeamMember::actor).toList().equals(List.of("alice")));
        assertTrue(a.present().get(0).self());
        bob = open("bob");
    }

    @Test
    void oneClientRecordsAtATimeAndOnlyItCanWriteSamples() throws Exception {
        RecorderElection aliceRec = alice.teamSession().orElseThrow().recorderElection();
        RecorderElection bobRec = bob.teamSession().orElseThrow().recorderElection();
        try {
            assertTrue(aliceRec.tryLead());
            assertFalse(bobRec.tryLead());
            Instant t = Instant.parse("2026-11-23T10:00:00Z");
            aliceRec.samples().insert(List.of(new MetricSample(Metric.CPU, t, 50)));
            assertThrows(StoreException.class,
                    () -> bobRec.samples().insert(List.of(new MetricSample(Metric.CPU, t.plusSeconds(1), 51))));
            waitFor("alice shown as recorder", Duration.ofSeconds(3), () -> alice.teamSession().orElseThrow().present()
                    .stream().anyMatch(m -> m.actor().equals("alice") && m.recording()));
            aliceRec.close();
            assertTrue(bobRec.tryLead(), "bob takes over once alice lets go");
            bobRec.samples().insert(List.of(new MetricSample(Metric.CPU, t.plusSeconds(2), 52)));
            assertEquals(2, alice.samples().rowCounts()[0]);
        } finally {
            bobRec.close();
            aliceRec.close();
        }
    }

    @Test
    void aServerThatGoesAwayMakesTheClientReadOnlyWithinTwoSecondsAndItRecoversByItself() throws Exception {
        TeamSession a = alice.teamSession().orElseThrow();
        BlockingQueue<TeamStatus> statuses = new LinkedBlockingQueue<>();
        BlockingQueue<TeamChange> changes = new LinkedBlockingQueue<>();
        try (AutoCloseable s = a.subscribe(new TeamListener() {
            @Override
            public void statusChanged(TeamStatus status) {
                statuses.add(status);
            }

            @Override
            public void changed(TeamChange change) {
                changes.add(change);
            }
        })) {
            setting(alice, "before");
            long stopped;
            try {
                pg.stop();
                stopped = System.nanoTime();
                TeamStatus down = statuses.poll(2, TimeUnit.SECONDS);
                assertTrue(down != null && !down.connected(), "no unreachable status within 2 s: " + down);
                assertTrue((System.nanoTime() - stopped) / 1_000_000 < 2000);
                assertTrue(down.message().matches("team database unreachable since \\d\\d:\\d\\d — read-only, retrying"),
                        down.message());
                ReadOnlyException refused = assertThrows(ReadOnlyException.class, () -> setting(alice, "during"));
                assertTrue(refused.getMessage().contains(down.message()), refused.getMessage());
                assertTrue(refused.getMessage().startsWith("Not saved: "), refused.getMessage());
                // a read that cannot reach the server says so, and does not talk of a change nobody made
                StoreException unread = assertThrows(StoreException.class, () -> bob.read(tx -> tx.setting("note")));
                assertTrue(unread.getMessage().matches("team database unreachable since \\d\\d:\\d\\d — retrying"),
                        unread.getMessage());
            } finally {
                pg.startAgain();
            }
            TeamStatus back = statuses.poll(10, TimeUnit.SECONDS);
            assertTrue(back != null && back.connected(), String.valueOf(back));
            waitFor("catch-up re-read", Duration.ofSeconds(3), () -> changes.stream().anyMatch(TeamChange::resync));
            setting(alice, "after");
            assertEquals("after", bob.read(tx -> tx.setting("note")).orElseThrow());
        }
    }
}
