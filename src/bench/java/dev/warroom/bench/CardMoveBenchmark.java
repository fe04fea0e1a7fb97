package dev.warroom.bench;

import dev.warroom.crisis.BoardService;
import dev.warroom.crisis.DemoCrisis;
import dev.warroom.crisis.MoveResult;
import dev.warroom.domain.BoardPolicy;
import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Persisting one card move with its timeline event: {@link BoardService#move} of a card between Backlog and
 * Done (no WIP limits), back and forth, on an H2 file in a temp dir holding the demo crisis board. Each
 * operation is one committed transaction with WRITE_DELAY=0, as in the app. Target: p99 at most 2 ms.
 *
 * <pre>mvn -Pbench -q package -DskipTests && java -jar target/benchmarks.jar CardMove</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CardMoveBenchmark {
    private Path dir;
    private Database db;
    private BoardService board;
    private Card card;

    @Setup(Level.Trial)
    public void openBoard() throws IOException {
        dir = Files.createTempDirectory("warroom-bench");
        db = Database.open(dir.resolve("bench"));
        Clock clock = Clock.systemUTC();
        new DemoCrisis(db, clock, "bench").load();
        board = new BoardService(db, clock, "bench", BoardPolicy.defaults());
        card = board.board().column(Column.BACKLOG).get(0);
    }

    @Benchmark
    public MoveResult moveCard() {
        Column target = card.column() == Column.BACKLOG ? Column.DONE : Column.BACKLOG;
        MoveResult result = board.move(card.id(), card.version(), target, 0, null);
        card = ((MoveResult.Moved) result).card();
        return result;
    }

    @TearDown(Level.Trial)
    public void closeBoard() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
