package dev.warroom.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.MoveResult;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.Priority;
import dev.warroom.store.Database;
import dev.warroom.store.StaleUpdateException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four writers, each with its own {@link BoardService} on one database, move the same eight cards about as fast as
 * they can. Every move either completes or is refused with a plain message (never H2's "Deadlock detected"),
 * positions stay 0..n-1 per column, each completed move has exactly one timeline event, and nothing livelocks.
 * 4 x 300 moves in the normal test run; {@code mvn -Preliability test} runs 4 x 2,000
 * (property {@code warroom.writers.moves}).
 */
class ConcurrentWritersTest {
    private static final int WRITERS = 4;
    private static final int CARDS = 8;

    @TempDir
    Path dir;

    @Test
    void concurrentMovesCompleteOrAreRefusedInPlainWords() throws Exception {
        int movesPerWriter = Integer.getInteger("warroom.writers.moves", 300);
        Clock clock = Clock.systemUTC();
        BoardPolicy policy = BoardPolicy.defaults();
        try (Database db = Database.open(dir.resolve("writers"))) {
            BoardService setup = new BoardService(db, clock, "setup", policy);
            for (int i = 0; i < CARDS; i++) {
                setup.create(CardDraft.of("Card " + i, "", CardKind.SCALING, Priority.HIGH, "", "", "",
                        clock.instant(), ZoneOffset.UTC), Column.BACKLOG);
            }
            AtomicInteger moved = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                BoardService board = new BoardService(db, clock, "writer-" + w, policy);
                Random random = new Random(w);
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < movesPerWriter; i++) {
                        List<Card> cards = board.board().cards();
                        Card card = cards.get(random.nextInt(cards.size()));
                        Column target = Column.values()[random.nextInt(Column.values().length)];
                        try {
                            MoveResult r = board.move(card.id(), card.version(), target, random.nextInt(4),
                                    random.nextBoolean() ? "drill" : null);
                            if (r instanceof MoveResult.Moved) {
                                moved.incrementAndGet();
                            } else {
                                refused.incrementAndGet(); // WIP limit without an override reason
                            }
                        } catch (StaleUpdateException e) {
                            refused.incrementAndGet();
                            if (e.getMessage().contains("Deadlock") || e.getMessage().contains("SQL")) {
                                unexpected.add(e.getMessage());
                            }
                        } catch (RuntimeException e) {
                            unexpected.add(e.toString());
                        }
                    }
                }));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES), "writers finished (no livelock)");
            for (Future<?> f : writers) {
                f.get();
            }
            assertEquals(List.of(), List.copyOf(unexpected), "no raw database errors");

            List<Card> cards = db.read(tx -> tx.cards());
            Map<Column, List<Integer>> positions = new EnumMap<>(Column.class);
            cards.forEach(c -> positions.computeIfAbsent(c.column(), k -> new ArrayList<>()).add(c.position()));
            positions.forEach((column, p) -> assertEquals(
                    java.util.stream.IntStream.range(0, p.size()).boxed().toList(), p.stream().sorted().toList(),
                    "positions in " + column + " are a permutation"));
            long moveEvents = db.read(tx -> tx.latestEvents(Integer.MAX_VALUE)).stream()
                    .filter(e -> e.kind() == EventKind.CARD_MOVED).count();
            long versions = cards.stream().mapToLong(Card::version).sum();
            int lost = moved.get() - (int) versions;
            System.out.println("concurrent writers: " + WRITERS + " x " + movesPerWriter + " moves: " + moved.get()
                    + " moved, " + refused.get() + " refused, " + lost + " lost");
            assertEquals(moved.get(), moveEvents, "one timeline event per completed move");
            assertEquals(moved.get(), versions, "every completed move is in the cards' versions");
            assertEquals(WRITERS * movesPerWriter, moved.get() + refused.get());
            assertTrue(moved.get() > 0);
        }
    }
}
