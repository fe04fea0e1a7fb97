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
import dev.warroom.app.WarRoomContext;
import dev.warroom.config.ConfigLoader;
import dev.warroom.config.MetricsConfig;
import dev.warroom.config.MetricsConfigLoader;
import dev.warroom.metrics.LiveMetrics;
import dev.warroom.ui.board.BoardViewModel;
import dev.warroom.ui.wall.WallDialogs;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * Team-mode latency on a real PostgreSQL (a harness, not JMH: it measures one round trip between two clients
 * at a time). Two clients open the same team database; client A moves a card, and we time
 * <ol>
 *   <li>the move's commit on A (card move with its timeline event, advisory lock and NOTIFY),</li>
 *   <li>from A's commit returning to B's listener hearing the change, and</li>
 *   <li>from A's commit returning to the change being in B's board view model: B is a whole app context (its
 *   team link, shared state and background reads, as {@code MainWindow} wires them) on a real JavaFX thread
 *   (the headless Monocle platform), so the figure includes the notification, the coalesced re-read of the
 *   board and the hand-over to the FX thread.</li>
 * </ol>
 * Usage: {@code java -cp target/benchmarks.jar dev.warroom.bench.TeamLatencyHarness postgresql://HOST:PORT/DB?user=U [ROUNDS] [CARDS]}
 * on an empty team database (CARDS more cards on the board, default 200, so B's re-read is a busy board's).
 * Prints p50, p90, p99 and max in milliseconds, and the machine's load before and after.
 */
public final class TeamLatencyHarness {
    private TeamLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        TeamAddress address = TeamAddress.parse(args[0], System.getProperty("user.name"));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int warmup = Math.min(200, rounds / 5);
        int others = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        System.out.println("load before: " + loadavg());
        try (Database a = TeamDatabase.open(address, TeamDatabase.Options.of("bench-a", "tool"));
             Database b = TeamDatabase.open(address, TeamDatabase.Options.of("bench-b", "tool"))) {
            BoardService board = new BoardService(a, Clock.systemUTC(), "bench-a", BoardPolicy.defaults());
            Card card = board.create(CardDraft.of("Latency probe", "", CardKind.SCALING, Priority.HIGH, "", "", "",
                    java.time.Instant.now(), ZoneOffset.UTC), Column.BACKLOG);
            for (int i = 0; i < others; i++) { // B reads a whole board of a busy crisis, not one card
                board.create(CardDraft.of("Background card " + i, "what a busy board holds", CardKind.SCALING,
                        Priority.MEDIUM, "", "", "", java.time.Instant.now(), ZoneOffset.UTC), Column.BACKLOG);
            }
            System.out.println("board: " + (others + 1) + " cards");
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
                for (int i = 0; i < warmup + rounds; i++) {
                    heard.clear();
                    long start = System.nanoTime();
                    MoveResult r = board.move(card.id(), card.version(), CYCLE[i % 2], 0, null);
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
            card = viewModelRounds(address, board, card, rounds, warmup);
        }
        System.out.println("load after: " + loadavg());
    }

    private static final Column[] CYCLE = {Column.REVIEW, Column.BACKLOG};

    /**
     * Client B as the app builds it: a context on its own connection to the team database, started on the FX
     * thread, and a board view model that reads again whenever another client changed something.
     */
    private static Card viewModelRounds(TeamAddress address, BoardService board, Card card, int rounds, int warmup)
            throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        CountDownLatch fx = new CountDownLatch(1);
        Platform.startup(fx::countDown);
        fx.await();
        Platform.setImplicitExit(false);
        Database db = TeamDatabase.open(address, TeamDatabase.Options.of("bench-view", "laptop"));
        LiveMetrics none = LiveMetrics.of(MetricsConfig.withoutSources(), MetricsConfigLoader.defaultRules(),
                Clock.systemUTC(), null, System::getenv);
        WarRoomContext context = WarRoomContext.builder(db, ConfigLoader.load(null), none)
                .clock(Clock.systemUTC(), ZoneOffset.UTC).build();
        long id = card.id();
        AtomicReference<Column> expected = new AtomicReference<>();
        LinkedBlockingQueue<Long> shown = new LinkedBlockingQueue<>();
        CountDownLatch ready = new CountDownLatch(1);
        Platform.runLater(() -> {
            BoardViewModel vm = new BoardViewModel(context.boards(), context.demo(), context.background(),
                    new WallDialogs(problem -> System.err.println("view model: " + problem)), context.zone());
            context.state().onOthersChange(vm::refresh);
            vm.boardProperty().addListener((o, was, now) -> now.card(id).ifPresent(c -> {
                if (c.column() == expected.get()) {
                    expected.set(null);
                    shown.offer(System.nanoTime());
                }
            }));
            context.start();
            vm.refresh();
            ready.countDown();
        });
        ready.await();
        long[] visible = new long[rounds];
        try {
            for (int i = 0; i < warmup + rounds; i++) {
                shown.clear();
                expected.set(CYCLE[i % 2]);
                MoveResult r = board.move(card.id(), card.version(), CYCLE[i % 2], 0, null);
                long committed = System.nanoTime();
                card = ((MoveResult.Moved) r).card();
                Long at = shown.poll(5, TimeUnit.SECONDS);
                if (at == null) {
                    throw new IllegalStateException("client B's view model showed nothing within 5 s (round " + i + ")");
                }
                if (i >= warmup) {
                    visible[i - warmup] = at - committed;
                }
            }
            report("commit on A -> B's view model", visible);
        } finally {
            CountDownLatch closed = new CountDownLatch(1);
            Platform.runLater(() -> {
                context.close();
                closed.countDown();
            });
            closed.await(30, TimeUnit.SECONDS);
            Platform.exit();
        }
        return card;
    }

    private static String loadavg() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
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
