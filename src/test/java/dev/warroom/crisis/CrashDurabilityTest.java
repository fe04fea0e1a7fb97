package dev.warroom.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.Card;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.store.Database;
import dev.warroom.testing.ChildJvm;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with SIGKILL in the middle of a stream of card moves, many times over the same file,
 * and proves that every move it acknowledged (printed after its commit) is still there.
 */
class CrashDurabilityTest {
    private static final int ROUNDS = 10;

    /** One card's place as the child reported it. */
    record Place(String column, int position, long version) {
    }

    /** One acknowledged move: the event it wrote and the whole board right after its commit. */
    record Ack(long cardId, String column, int position, long eventId, long version, Map<Long, Place> board) {
        static Ack parse(String line) {
            String[] f = line.split(" ");
            if (f.length != 8 || !f[0].equals("ACK") || !f[7].equals("END")) {
                return null; // a line cut short by the kill
            }
            Map<Long, Place> board = new HashMap<>();
            for (String entry : f[6].split(",")) {
                String[] p = entry.split(":");
                board.put(Long.parseLong(p[0]), new Place(p[1], Integer.parseInt(p[2]), Long.parseLong(p[3])));
            }
            return new Ack(Long.parseLong(f[1]), f[2], Integer.parseInt(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), board);
        }
    }

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMoveSurvivesKillDashNine() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path db = dir.resolve("crash");
        Map<Long, Ack> acked = new HashMap<>();
        int totalAcks = 0;
        int roundsWithUnackedCommit = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String where = "seed " + seed + ", round " + round;
            int killAfter = 50 + random.nextInt(351);
            Ack last;
            try (ChildJvm child = ChildJvm.start(MoveStream.class, dir.resolve("child-" + round + ".err"),
                    db.toString(), String.valueOf(random.nextLong()))) {
                child.awaitReady();
                last = null;
                for (int i = 0; i < killAfter; i++) {
                    last = record(child.next("ACK"), child, acked, where);
                }
                child.kill();
                // Lines already in the pipe were printed after their commits: they are acknowledgements too.
                String line;
                while ((line = child.next("ACK")) != null) {
                    Ack a = Ack.parse(line);
                    if (a != null) {
                        acked.put(a.eventId(), a);
                        last = a;
                    }
                }
            }
            totalAcks = acked.size();
            if (verify(db, acked, last, where)) {
                roundsWithUnackedCommit++;
            }
        }
        assertTrue(totalAcks >= ROUNDS * 50, "acks: " + totalAcks);
        System.out.println("crash test: " + ROUNDS + " kills, " + totalAcks + " acknowledged moves all present; "
                + roundsWithUnackedCommit + " rounds had one committed move the child had not yet acknowledged (seed "
                + seed + ")");
    }

    private static Ack record(String line, ChildJvm child, Map<Long, Ack> acked, String where) {
        assertNotNull(line, () -> where + ": child stopped acknowledging:\n" + child.stderr());
        Ack a = Ack.parse(line);
        assertNotNull(a, () -> where + ": malformed ack " + line);
        acked.put(a.eventId(), a);
        return a;
    }

    /** Returns whether the database held one more (unacknowledged) move than the last acknowledgement. */
    private static boolean verify(Path file, Map<Long, Ack> acked, Ack last, String where) {
        try (Database db = Database.open(file)) {
            List<TimelineEvent> events = db.read(tx -> tx.latestEvents(Integer.MAX_VALUE));
            Map<Long, TimelineEvent> byId = events.stream()
                    .collect(Collectors.toMap(TimelineEvent::id, Function.identity()));
            for (Ack a : acked.values()) {
                TimelineEvent e = byId.get(a.eventId());
                assertNotNull(e, () -> where + ": acknowledged event " + a.eventId() + " is missing");
                assertEquals(EventKind.CARD_MOVED, e.kind(), where);
                assertEquals("card:" + a.cardId(), e.subject(), where);
                assertTrue(e.after().contains("\"column\":\"" + a.column() + "\""), () -> where + ": " + e.after());
            }

            Map<Long, Card> cards = db.read(tx -> tx.cards()).stream()
                    .collect(Collectors.toMap(Card::id, Function.identity()));
            assertEquals(last.board().keySet(), cards.keySet(), where);
            List<TimelineEvent> unacked = events.stream().filter(e -> e.id() > last.eventId()).toList();
            assertTrue(unacked.size() <= 1, () -> where + ": more than one transaction after the last ack: " + unacked);
            if (unacked.isEmpty()) {
                for (Map.Entry<Long, Place> e : last.board().entrySet()) {
                    Card c = cards.get(e.getKey());
                    assertEquals(e.getValue(), new Place(c.column().name(), c.position(), c.version()),
                            () -> where + ": card " + c.id() + " is not where the last acknowledgement left it");
                }
                return false;
            }
            // The child was killed after a commit but before printing its ack: exactly that move may be
            // there on top of the acknowledged state, and nothing else may differ.
            TimelineEvent extra = unacked.get(0);
            assertEquals(EventKind.CARD_MOVED, extra.kind(), where);
            long movedId = Long.parseLong(extra.subject().substring("card:".length()));
            Card moved = cards.get(movedId);
            assertEquals(last.board().get(movedId).version() + 1, moved.version(), where);
            assertTrue(extra.after().contains("\"column\":\"" + moved.column() + "\""), where);
            for (Map.Entry<Long, Place> e : last.board().entrySet()) {
                Card c = cards.get(e.getKey());
                if (c.id() == movedId) {
                    continue;
                }
                assertEquals(e.getValue().version(), c.version(), where);
                assertEquals(e.getValue().column(), c.column().name(), where);
                if (c.column() != moved.column()) {
                    assertEquals(e.getValue().position(), c.position(), where);
                }
            }
            return true;
        } catch (RuntimeException e) {
            throw new AssertionError(where + ": reopening after the kill failed", e);
        }
    }

}
