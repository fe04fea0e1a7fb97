package dev.warroom.crisis;

import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Child-JVM main for {@link CrashDurabilityTest}: moves cards for ever, one {@link BoardService#move}
 * transaction at a time, and after each commit prints
 * {@code ACK <cardId> <column> <position> <eventId> <version> <board> END}, where board is
 * {@code id:COLUMN:position:version} for every card. The parent kills it with SIGKILL at a random point.
 */
public final class MoveStream {
    static final int CARDS = 6;
    static final List<Column> COLUMNS = List.of(Column.BACKLOG, Column.IN_PROGRESS, Column.REVIEW, Column.DONE);
    /** No WIP limits: every move is accepted, so every acknowledgement is a committed move. */
    static final BoardPolicy UNLIMITED = BoardPolicy.defaults().withWipLimit(Column.IN_PROGRESS, null);

    private MoveStream() {
    }

    public static void main(String[] args) {
        Database db = Database.open(Path.of(args[0]));
        Random random = new Random(Long.parseLong(args[1]));
        Clock clock = Clock.systemUTC();
        BoardService board = new BoardService(db, clock, "crash-test", UNLIMITED);
        for (int i = board.board().cards().size(); i < CARDS; i++) {
            board.create(CardDraft.of("Card " + i, "", CardKind.SCALING, Priority.values()[i % 3], "", "", "",
                    clock.instant(), ZoneOffset.UTC), Column.BACKLOG);
        }
        Map<Long, Card> cards = new HashMap<>();
        board.board().cards().forEach(c -> cards.put(c.id(), c));
        List<Long> ids = cards.keySet().stream().sorted().toList();
        System.out.println("READY");
        System.out.flush();
        while (true) {
            Card card = cards.get(ids.get(random.nextInt(ids.size())));
            Column target = COLUMNS.get(random.nextInt(COLUMNS.size()));
            MoveResult result = board.move(card.id(), card.version(), target, random.nextInt(4), null);
            Card moved = ((MoveResult.Moved) result).card();
            cards.put(moved.id(), moved);
            String line = db.read(tx -> {
                TimelineEvent last = tx.latestEvents(1).get(0);
                String snapshot = tx.cards().stream().sorted(Comparator.comparingLong(Card::id))
                        .map(c -> c.id() + ":" + c.column() + ":" + c.position() + ":" + c.version())
                        .collect(Collectors.joining(","));
                return "ACK " + moved.id() + " " + moved.column() + " " + moved.position() + " " + last.id() + " "
                        + moved.version() + " " + snapshot + " END";
            });
            System.out.println(line);
            System.out.flush();
        }
    }
}
