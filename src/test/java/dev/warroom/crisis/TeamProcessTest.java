package dev.warroom.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.store.Database;
import dev.warroom.store.TeamAddress;
import dev.warroom.store.TeamDatabase;
import dev.warroom.testing.ChildJvm;
import dev.warroom.testing.PostgresCluster;
import dev.warroom.testing.PostgresExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several War Room processes (child JVMs) on one real PostgreSQL: conflicting moves with kill -9, a change seen
 * by another process within 1 s, a server restart mid-stream, and the recorder killed. The test run uses a
 * CI-sized number of moves; {@code -Dwarroom.team.moves=2500} runs the full size.
 */
@ExtendWith(PostgresExtension.class)
class TeamProcessTest {
    private static final int MOVES = Integer.getInteger("warroom.team.moves", 120);
    private static final Pattern COLUMN = Pattern.compile("\"column\":\"([A-Z_]+)\"");

    @TempDir
    Path dir;
    private PostgresCluster pg;
    private String url;
    private Database db;
    private final List<Client> clients = new ArrayList<>();

    /** A child JVM and every line it printed. */
    private record Client(String actor, ChildJvm jvm, List<String> lines, Thread reader) {
        long count(String prefix) {
            synchronized (lines) {
                return lines.stream().filter(l -> l.startsWith(prefix)).count();
            }
        }
    }

    @BeforeEach
    void open() {
        pg = PostgresExtension.cluster();
        String name = PostgresExtension.newDatabase();
        url = "postgresql://" + pg.host() + ":" + pg.port() + "/" + name + "?user=" + PostgresCluster.SUPERUSER;
        db = TeamDatabase.open(TeamAddress.parse(url, "x"), TeamDatabase.Options.of("setup", "tool"));
    }

    @AfterEach
    void close() throws Exception {
        for (Client c : clients) {
            c.jvm().close();
            c.reader().join(5000);
        }
        db.close();
    }

    private Client start(String... args) throws Exception {
        String actor = args.length > 2 ? args[2] : args[0];
        ChildJvm jvm = ChildJvm.start(TeamChild.class, dir.resolve(actor + "-" + clients.size() + ".err"), args);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = jvm.next("")) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the child is gone
            }
        }, "read-" + actor);
        reader.setDaemon(true);
        reader.start();
        Client c = new Client(actor, jvm, lines, reader);
        clients.add(c);
        waitFor(c, "READY", 1, 60);
        return c;
    }

    private static void waitFor(Client c, String prefix, long n, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (c.count(prefix) < n) {
            if (System.nanoTime() > end || !c.jvm().process().isAlive() && c.count(prefix) < n) {
                if (c.count(prefix) >= n) {
                    return;
                }
                throw new AssertionError(c.actor() + " printed " + c.count(prefix) + " x " + prefix + ", wanted " + n
                        + "; stderr:\n" + c.jvm().stderr());
            }
            Thread.sleep(20);
        }
    }

    private void cards(int n) {
        BoardService setup = new BoardService(db, Clock.systemUTC(), "setup", BoardPolicy.defaults());
        for (int i = 0; i < n; i++) {
            setup.create(CardDraft.of("Card " + i, "", CardKind.SCALING, Priority.HIGH, "", "", "",
                    java.time.Instant.now(), ZoneOffset.UTC), Column.BACKLOG);
        }
    }

    private Client mover(String actor, long seed) throws Exception {
        return start("mover", url, actor, Integer.toString(MOVES), Long.toString(seed));
    }

    /**
     * Every acknowledged move has exactly one event (a killed client may have committed one move it never
     * acknowledged), refused moves wrote nothing, replaying the events gives the board, and IN PROGRESS never
     * held more than its limit.
     */
    private void verify(List<Client> movers, Set<String> killed) {
        List<TimelineEvent> events = new ArrayList<>(db.read(tx -> tx.latestEvents(1_000_000)));
        Collections.reverse(events);
        Map<String, Integer> movesBy = new HashMap<>();
        Map<Long, Column> replay = new HashMap<>();
        for (TimelineEvent e : events) {
            long card = Long.parseLong(e.subject().substring("card:".length()));
            if (e.kind() == EventKind.CARD_CREATED) {
                replay.put(card, Column.BACKLOG);
            } else if (e.kind() == EventKind.CARD_MOVED) {
                movesBy.merge(e.actor(), 1, Integer::sum);
                Matcher m = COLUMN.matcher(e.after());
                assertTrue(m.find(), e.after());
                replay.put(card, Column.valueOf(m.group(1)));
                long inProgress = replay.values().stream().filter(c -> c == Column.IN_PROGRESS).count();
                assertTrue(inProgress <= 1, "IN PROGRESS over its limit after event " + e.id());
            } else {
                throw new AssertionError("unexpected event " + e.kind() + ": " + e.summary());
            }
        }
        long acked = 0;
        for (Client c : movers) {
            long acks = c.count("ACK ");
            acked += acks;
            int moved = movesBy.getOrDefault(c.actor(), 0);
            if (killed.contains(c.actor())) {
                assertTrue(moved == acks || moved == acks + 1, c.actor() + ": " + acks + " acknowledged, " + moved
                        + " events");
            } else {
                assertEquals(acks, moved, c.actor() + ": every acknowledged move has one event, refused ones none");
                assertEquals(MOVES, c.count("ACK ") + c.count("REFUSED ") + c.count("STALE "), c.actor());
            }
        }
        assertTrue(acked > 0);
        Map<Long, Column> board = new HashMap<>();
        for (Card card : db.read(tx -> tx.cards())) {
            board.put(card.id(), card.column());
        }
        assertEquals(board, replay, "replaying the timeline gives the final board");
    }

    @Test
    void fourClientsWithConflictingMovesAndAKillMinus9KeepEveryAcknowledgedMoveOnce() throws Exception {
        cards(4);
        Random random = new Random(15);
        List<Client> movers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            movers.add(mover("client-" + i, i));
        }
        Client victim = movers.get(random.nextInt(4));
        waitFor(victim, "ACK ", 1 + random.nextInt(Math.max(1, MOVES / 10)), 120);
        victim.jvm().kill();
        victim.reader().join(5000);
        movers.add(mover("client-4", 4));
        for (Client c : movers) {
            if (c != victim) {
                waitFor(c, "DONE", 1, 600);
            }
        }
        verify(movers, Set.of(victim.actor()));
        long stale = movers.stream().mapToLong(c -> c.count("STALE ") + c.count("REFUSED ")).sum();
        assertTrue(stale > 0, "the clients did conflict");
    }

    @Test
    void aChangeMadeByOneProcessIsSeenByAnotherWithinOneSecond() throws Exception {
        Client watcher = start("watcher", url);
        for (int i = 0; i < 5; i++) {
            long before = watcher.count("CHANGED ");
            long committed = System.nanoTime();
            String v = "v" + i;
            db.write(tx -> {
                tx.saveSetting("note", v);
                return null;
            });
            while (watcher.count("CHANGED ") == before) {
                assertTrue(System.nanoTime() - committed < 1_000_000_000L, "not seen within 1 s");
                Thread.sleep(5);
            }
        }
    }

    @Test
    void aServerRestartInTheMiddleOfAStreamOfMovesLosesNothingAcknowledged() throws Exception {
        cards(4);
        List<Client> movers = List.of(mover("client-a", 1), mover("client-b", 2));
        waitFor(movers.get(0), "ACK ", Math.max(1, MOVES / 4), 120);
        pg.restart();
        for (Client c : movers) {
            waitFor(c, "DONE", 1, 600);
        }
        verify(movers, Set.of());
    }

    @Test
    void whenTheRecorderIsKilledAnotherTakesOverAndNoSampleIsWrittenTwice() throws Exception {
        long interval = 300;
        Client first = start("recorder", url, "rec-1", Long.toString(interval));
        Client second = start("recorder", url, "rec-2", Long.toString(interval));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (first.count("WROTE ") + second.count("WROTE ") < 5) {
            assertTrue(System.nanoTime() < end, "nobody records");
            Thread.sleep(20);
        }
        Client leader = first.count("WROTE ") > 0 ? first : second;
        Client other = leader == first ? second : first;
        assertEquals(0, other.count("WROTE "), "one recorder at a time");
        long killedAt = System.currentTimeMillis();
        leader.jvm().kill();
        waitFor(other, "WROTE ", 3, 30);
        long firstSlotAfter;
        synchronized (other.lines()) {
            firstSlotAfter = other.lines().stream().filter(l -> l.startsWith("LEADING ")).mapToLong(
                    l -> Long.parseLong(l.substring(8))).findFirst().orElseThrow();
        }
        assertTrue(firstSlotAfter * interval - killedAt <= 2 * interval,
                "took over " + (firstSlotAfter * interval - killedAt) + " ms after the kill");
        try (Connection c = pg.admin(dbName()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT MOD(sample_key, 8796093022208)) FROM metric_sample")) {
            rs.next();
            assertEquals(rs.getLong(2), rs.getLong(1), "a sample written twice");
            assertTrue(rs.getLong(1) >= 8, rs.getLong(1) + " samples");
        }
        Set<String> slots = new HashSet<>();
        for (Client c : List.of(first, second)) {
            synchronized (c.lines()) {
                for (String l : c.lines()) {
                    if (l.startsWith("WROTE ")) {
                        assertTrue(slots.add(l), "slot written twice: " + l);
                    }
                }
            }
        }
    }

    private String dbName() {
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }
}
