package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.MoveResult;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A move writes the places that changed, not every card of the columns it touches: on a 300-card backlog, one step
 * down is two rows, not three hundred (each row is a round trip on a team database, and garbage on every client).
 */
class CardPositionWritesTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    /** Rows of the card table updated since the trigger was created (H2 calls the trigger once per row). */
    static final AtomicInteger UPDATED = new AtomicInteger();

    /** Counts updated card rows. */
    public static final class CountUpdates implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
            UPDATED.incrementAndGet();
        }
    }

    @TempDir
    Path dir;

    @Test
    void aMoveUpdatesOnlyTheCardsWhosePlaceChanged() throws SQLException {
        try (Database db = Database.open(dir.resolve("warroom"))) {
            BoardService board = new BoardService(db, new MutableClock(T0), "alice", BoardPolicy.defaults());
            List<Card> backlog = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                backlog.add(board.create(CardDraft.of("Card " + i, "", CardKind.SCALING, Priority.HIGH, "bob", "",
                        "", T0, ZoneOffset.UTC), Column.BACKLOG));
            }
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TRIGGER count_card_updates AFTER UPDATE ON card FOR EACH ROW CALL \""
                        + CountUpdates.class.getName() + "\"");
            }

            UPDATED.set(0);
            Card c100 = backlog.get(100);
            assertInstanceOf(MoveResult.Moved.class, board.move(c100.id(), c100.version(), Column.BACKLOG, 101, null));
            assertEquals(2, UPDATED.get(), "one step down: the card and the one it passed");
            assertEquals(titles(IntStream.range(0, 300).map(i -> i == 100 ? 101 : i == 101 ? 100 : i)),
                    titlesIn(board, Column.BACKLOG));

            UPDATED.set(0);
            Card c295 = backlog.get(295);
            board.move(c295.id(), board.board().card(c295.id()).orElseThrow().version(), Column.IN_PROGRESS,
                    Integer.MAX_VALUE, null);
            assertEquals(1 + 4, UPDATED.get(), "to another column: the card, and the four behind it close the gap");

            UPDATED.set(0);
            board.undo();
            assertEquals(1 + 4, UPDATED.get(), "the undo puts it back: the card, and the four behind it make room");
            assertEquals(titles(IntStream.range(0, 300).map(i -> i == 100 ? 101 : i == 101 ? 100 : i)),
                    titlesIn(board, Column.BACKLOG));
            List<Integer> positions = board.board().column(Column.BACKLOG).stream().map(Card::position).toList();
            assertEquals(IntStream.range(0, 300).boxed().toList(), positions, "the places stay 0..n-1");
        }
    }

    private static List<String> titles(IntStream order) {
        return order.mapToObj(i -> "Card " + i).toList();
    }

    private static List<String> titlesIn(BoardService board, Column column) {
        return board.board().column(column).stream().map(Card::title).toList();
    }
}
