package dev.warroom.bench;

import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.MoveResult;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.CardDraft;
import dev.warroom.domain.CardKind;
import dev.warroom.domain.Column;
import dev.warroom.domain.Priority;
import dev.warroom.store.Database;
import dev.warroom.store.TeamAddress;
import dev.warroom.store.TeamChange;
import dev.warroom.store.TeamDatabase;
import dev.warroom.store.TeamListener;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Team-mode latency on a real PostgreSQL (a harness, not JMH: it measures one round trip between two clients
 * at a time). Two clients open the same team database; client A moves a card, and we time
 * <ol>
 *   <li>the move's commit on A (card move with its timeline event, advisory lock and NOTIFY), and</li>
 *   <li>from A's commit returning to B's listener hearing the change.</li>
 * </ol>
 * Usage: {@code java -cp target/benchmarks.jar dev.warroom.bench.TeamLatencyHarness postgresql://HOST:PORT/DB?user=U [ROUNDS]}
 * on an empty (or War Room) database. Prints p50, p90, p99 and max in milliseconds.
 */
public final class TeamLatencyHarness {
    private TeamLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        TeamAddress address = TeamAddress.parse(args[0], System.getProperty("user.name"));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int warmup = Math.min(200, rounds / 5);
        try (Database a = TeamDatabase.open(address, TeamDatabase.Options.of("bench-a", "tool"));
             Database b = TeamDatabase.open(address, TeamDatabase.Options.of("bench-b", "tool"))) {
            BoardService board = new BoardService(a, Clock.systemUTC(), "bench-a", BoardPolicy.defaults());
            Card card = board.create(CardDraft.of("Latency probe", "", CardKind.SCALING, Priority.HIGH, "", "", "",
                    java.time.Instant.now(), ZoneOffset.UTC), Column.BACKLOG);
            LinkedBlockingQueue<Long> heard = new LinkedBlockingQueue<>();
            try (AutoCloseable s = b.teamSession().orElseThrow().subscribe(new TeamListener() {
                @Override
                public void changed(TeamChange change) {
                    if (!change.resync()) {
                        heard.offer(System.nanoTime());
                    }
                }
            })) {
                long[] commit = new long[rounds];
                long[] visible = new long[rounds];
                Column[] cycle = {Column.REVIEW, Column.BACKLOG};
                for (int i = 0; i < warmup + rounds; i++) {
                    heard.clear();
                    long start = System.nanoTime();
                    MoveResult r = board.move(card.id(), card.version(), cycle[i % 2], 0, null);
                    long committed = System.nanoTime();
                    card = ((MoveResult.Moved) r).card();
                    Long at = heard.poll(5, TimeUnit.SECONDS);
                    if (at == null) {
                        throw new IllegalStateException("client B heard nothing within 5 s (round " + i + ")");
                    }
                    if (i >= warmup) {
                        commit[i - warmup] = committed - start;
                        visible[i - warmup] = at - committed;
                    }
                }
                report("card move commit on PostgreSQL", commit);
                report("commit on A -> B's listener", visible);
            }
        }
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-34s n=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n", what, s.length,
                ms(s, 0.50), ms(s, 0.90), ms(s, 0.99), s[s.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
