package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.config.ConfigLoader;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.metrics.MetricReading;
import dev.warroom.store.Database;
import dev.warroom.store.TeamAddress;
import dev.warroom.store.TeamDatabase;
import dev.warroom.testing.PostgresCluster;
import dev.warroom.testing.PostgresExtension;
import dev.warroom.testing.TestMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;

/**
 * Two War Rooms on one team database with the same metric sources (the simulator, polled every second): one
 * polls and records, the other shows what was recorded without polling; severity and alert transitions are
 * written once; when the recorder quits, the other takes over within two polling intervals.
 */
@ExtendWith(PostgresExtension.class)
class RecorderDutyTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private final List<WarRoomContext> contexts = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        contexts.forEach(WarRoomContext::close);
    }

    private WarRoomContext laptop(PostgresCluster pg, String name, String actor) throws Exception {
        Database db = TeamDatabase.open(new TeamAddress(pg.host(), pg.port(), name, PostgresCluster.SUPERUSER),
                TeamDatabase.Options.of(actor, "laptop"));
        WarRoomContext context = WarRoomContext.builder(db, ConfigLoader.load(null),
                TestMetrics.simulator(Clock.systemUTC())).clock(Clock.systemUTC(), ZoneOffset.UTC).build();
        contexts.add(context);
        CountDownLatch started = new CountDownLatch(1);
        Platform.runLater(() -> {
            context.start();
            started.countDown();
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        return context;
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

    private static List<MetricSample> recorded(Database db, Metric metric) {
        return db.samples().samples(metric, Instant.EPOCH, Instant.now().plusSeconds(60));
    }

    @Test
    void oneRecordsTheOtherShowsTheRecordedSamplesAndTakesOverWhenTheRecorderQuits() throws Exception {
        PostgresCluster pg = PostgresExtension.cluster();
        String name = PostgresExtension.newDatabase();
        WarRoomContext alice = laptop(pg, name, "alice");
        WarRoomContext bob = laptop(pg, name, "bob");
        Database check = TeamDatabase.open(new TeamAddress(pg.host(), pg.port(), name, PostgresCluster.SUPERUSER),
                TeamDatabase.Options.of("check", "tool"));
        try {
            waitFor("one recorder", Duration.ofSeconds(10), () -> alice.recordingMetrics() || bob.recordingMetrics());
            Thread.sleep(2 * INTERVAL.toMillis()); // two more turns: the other must not have taken the lock too
            assertTrue(alice.recordingMetrics() ^ bob.recordingMetrics(), "exactly one records");
            WarRoomContext recorder = alice.recordingMetrics() ? alice : bob;
            WarRoomContext follower = recorder == alice ? bob : alice;
            assertTrue(recorder.metrics().poller().started());
            assertFalse(follower.metrics().poller().started(), "the follower polls nothing");

            // the follower shows what the recorder recorded
            waitFor("samples recorded", Duration.ofSeconds(15), () -> recorded(check, Metric.REQUESTS_PER_SECOND).size() >= 3);
            waitFor("the follower shows a recorded value", Duration.ofSeconds(15), () -> {
                MetricReading r = follower.metrics().feed().reading(Metric.REQUESTS_PER_SECOND);
                return r != null && Double.isFinite(r.value()) && recorded(check, Metric.REQUESTS_PER_SECOND).stream()
                        .anyMatch(s -> s.value() == r.value());
            });

            // the recorder quits: the follower takes over within two polling intervals and polls
            recorder.close();
            long quit = System.nanoTime();
            waitFor("take-over", Duration.ofSeconds(10), follower::recordingMetrics);
            long tookMs = (System.nanoTime() - quit) / 1_000_000;
            assertTrue(tookMs <= 2 * INTERVAL.toMillis(), "took over after " + tookMs + " ms");
            assertTrue(follower.metrics().poller().started());
            int before = recorded(check, Metric.REQUESTS_PER_SECOND).size();
            waitFor("the new recorder records", Duration.ofSeconds(15),
                    () -> recorded(check, Metric.REQUESTS_PER_SECOND).size() > before);

            // severity and alert transitions the two clients both saw: each written once, never once per client
            // (MetricsRecorderTest shows a follower writes none; the scenario may not change one in this time)
            List<TimelineEvent> events = check.read(tx -> tx.latestEvents(10_000));
            Set<String> seen = new HashSet<>();
            for (TimelineEvent e : events) {
                if (e.kind() == EventKind.SCALE_SEVERITY_CHANGED || e.kind() == EventKind.INCIDENT_SEVERITY_CHANGED
                        || e.kind() == EventKind.ALERT_STATE_CHANGED) {
                    assertTrue(seen.add(e.kind() + " " + e.at() + " " + e.summary()), "written twice: " + e.summary());
                }
            }
            List<MetricSample> all = recorded(check, Metric.REQUESTS_PER_SECOND);
            assertEquals(all.size(), all.stream().map(MetricSample::at).distinct().count(), "no sample twice");
        } finally {
            check.close();
        }
    }
}
