package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.config.ConfigLoader;
import dev.warroom.crisis.MoveResult;
import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.Crisis;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import dev.warroom.testing.TestMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The context's executors: changes and long reads on separate threads, everything stopped on close. */
class WarRoomContextTest {
    private Path dir;
    private Database db;
    private MutableClock clock;
    private WarRoomContext context;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("warroom-context");
        db = Database.open(dir.resolve("ctx"));
        clock = MutableClock.at("2026-11-25T09:00:00Z");
        context = WarRoomContext.builder(db, ConfigLoader.load(null), TestMetrics.none(clock))
                .clock(clock, ZoneOffset.UTC).build();
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** A crisis of three days with a sample every 20 s for six metrics (about 78,000 samples). */
    private Crisis largeCrisis() {
        context.demo().load();
        Crisis crisis = context.crises().activeOverview().orElseThrow().crisis();
        Instant from = crisis.startedAt();
        List<Metric> metrics = List.of(Metric.TRAFFIC_MULTIPLE, Metric.ERROR_RATE, Metric.P95_LATENCY, Metric.UPTIME,
                Metric.SIGNUPS_PER_HOUR, Metric.ACTIVE_USERS);
        List<MetricSample> batch = new ArrayList<>();
        for (Instant at = from.minus(Duration.ofHours(70)); at.isBefore(clock.instant()); at = at.plusSeconds(20)) {
            for (Metric m : metrics) {
                batch.add(new MetricSample(m, at, 10 + (at.getEpochSecond() % 97)));
            }
            if (batch.size() >= 10_000) {
                db.samples().insert(batch);
                batch.clear();
            }
        }
        db.samples().insert(batch);
        return crisis;
    }

    @Test
    void aCardMoveCompletesWhileThePostMortemOfALargeCrisisIsBeingWritten() throws Exception {
        Crisis crisis = largeCrisis();
        Card card = context.boards().board().column(Column.BACKLOG).get(0);
        AtomicBoolean reportDone = new AtomicBoolean();
        AtomicBoolean movedDuringReport = new AtomicBoolean();
        AtomicReference<MoveResult> moved = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        CountDownLatch moveDone = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean asked = new AtomicBoolean();
        Path out = dir.resolve("post-mortem.html");

        javafx.application.Platform.runLater(() -> context.background().start((progress, job) ->
                context.reports().write(crisis.id(), out, (fraction, step) -> {
                    if (asked.compareAndSet(false, true)) {
                        // halfway through the report, a commander moves a card; it must not wait for the report
                        context.writes().run(() -> context.boards().move(card.id(), card.version(), Column.DONE, 0,
                                null), result -> {
                                    moved.set(result);
                                    movedDuringReport.set(!reportDone.get());
                                    moveDone.countDown();
                                }, e -> {
                                    failed.set(e);
                                    moveDone.countDown();
                                });
                        try {
                            assertTrue(moveDone.await(30, TimeUnit.SECONDS),
                                    "the card move waited behind the post-mortem");
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    progress.report(fraction, step);
                }, job::cancelled),
                (fraction, step) -> { }, written -> {
                    reportDone.set(true);
                    finished.countDown();
                }, e -> {
                    failed.set(e);
                    finished.countDown();
                }));

        assertTrue(finished.await(120, TimeUnit.SECONDS), "the post-mortem did not finish");
        assertNull(failed.get(), () -> "failed: " + failed.get());
        assertTrue(movedDuringReport.get(), "the move finished only after the report");
        assertInstanceOf(MoveResult.Moved.class, moved.get());
        assertEquals(Column.DONE, context.boards().board().cards().stream().filter(c -> c.id() == card.id())
                .findFirst().orElseThrow().column());
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void aCancelledReportEndsInCancellationAndWritesNothing() throws Exception {
        Crisis crisis = largeCrisis();
        Path out = dir.resolve("cancelled.html");
        AtomicReference<Throwable> ended = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(1);
        javafx.application.Platform.runLater(() -> context.background().start((progress, job) -> {
            job.cancel();
            return context.reports().write(crisis.id(), out, progress::report, job::cancelled);
        }, (fraction, step) -> { }, written -> finished.countDown(), e -> {
            ended.set(e);
            finished.countDown();
        }));
        assertTrue(finished.await(60, TimeUnit.SECONDS));
        assertInstanceOf(java.util.concurrent.CancellationException.class, ended.get());
        assertFalse(Files.exists(out));
    }

    @Test
    void closingStopsTheExecutorsTheTickerAndTheDatabase() {
        context.ticker().subscribe("test", () -> { });
        context.writes().run(() -> null, x -> { }, e -> { });
        context.close();
        assertTrue(context.closed());
        assertEquals(0, context.ticker().live());
        assertTrue(context.executorsStopped(), "the writer and the background pool must have stopped");
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> db.read(tx -> tx.cards()),
                "the database must be closed");
    }
}
