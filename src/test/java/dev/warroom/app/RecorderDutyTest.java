package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.config.ConfigLoader;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.metrics.LiveMetrics;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Two War Rooms on one team database with the same metric sources (the simulator polled every second, or a
 * loopback source the test drives): one
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
        return laptop(pg, name, actor, TestMetrics.simulator(Clock.systemUTC()));
    }

    private WarRoomContext laptop(PostgresCluster pg, String name, String actor, LiveMetrics metrics) throws Exception {
        Database db = TeamDatabase.open(new TeamAddress(pg.host(), pg.port(), name, PostgresCluster.SUPERUSER),
                TeamDatabase.Options.of(actor, "laptop"));
        WarRoomContext context = WarRoomContext.builder(db, ConfigLoader.load(null), metrics)
                .clock(Clock.systemUTC(), ZoneOffset.UTC).build();
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

    @TempDir
    Path folder;

    /**
     * End to end, with a source the test drives: traffic jumps to 30x and errors to 8 %, then both fall back.
     * Both laptops show SURGE (the follower from the recorded samples) and the record holds each severity change
     * and each alert transition once: written by the recorder, never by the follower as well.
     */
    @Test
    void aSurgeSeenByTwoLaptopsIsRecordedOnce() throws Exception {
        String[] now = {"{\"rps\": 100, \"err\": 0.5}"};
        HttpServer source = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        source.createContext("/now", ex -> {
            byte[] body = now[0].getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (ex; var out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        source.start();
        Path metrics = folder.resolve("metrics.json");
        Files.writeString(metrics, """
            {"trafficBaseline": 100,
             "severity": {"scaleEscalateAfter": "0s", "scaleCalmAfter": "0s",
                          "incidentEscalateAfter": "0s", "incidentCalmAfter": "0s"},
             "sources": [{"name": "shop", "kind": "json", "interval": "500ms", "timeout": "2s",
                          "url": "http://127.0.0.1:%d/now",
                          "pointers": {"requests-per-second": "/rps", "error-rate": "/err"}}]}
            """.formatted(source.getAddress().getPort()));
        Path rules = folder.resolve("rules.json");
        Files.writeString(rules, """
            {"rules": [{"id": "errors", "name": "Error rate above 5 %", "metric": "error-rate", "comparison": ">",
                        "threshold": 5, "sustainedFor": "1s", "severity": "critical",
                        "suggestedAction": "Find the failing endpoint"}]}
            """);
        PostgresCluster pg = PostgresExtension.cluster();
        String name = PostgresExtension.newDatabase();
        WarRoomContext alice = laptop(pg, name, "alice", LiveMetrics.open(metrics, rules, Clock.systemUTC()));
        WarRoomContext bob = laptop(pg, name, "bob", LiveMetrics.open(metrics, rules, Clock.systemUTC()));
        Database check = TeamDatabase.open(new TeamAddress(pg.host(), pg.port(), name, PostgresCluster.SUPERUSER),
                TeamDatabase.Options.of("check", "tool"));
        try {
            waitFor("one recorder", Duration.ofSeconds(10), () -> alice.recordingMetrics() || bob.recordingMetrics());
            waitFor("normal traffic recorded", Duration.ofSeconds(15),
                    () -> recorded(check, Metric.REQUESTS_PER_SECOND).size() >= 2);

            now[0] = "{\"rps\": 3000, \"err\": 8}";
            waitFor("both laptops show SURGE", Duration.ofSeconds(20),
                    () -> alice.metrics().feed().scaleSeverity() == ScaleSeverity.SURGE
                            && bob.metrics().feed().scaleSeverity() == ScaleSeverity.SURGE);
            waitFor("the alert fired", Duration.ofSeconds(20), () -> events(check, EventKind.ALERT_STATE_CHANGED)
                    .stream().anyMatch(e -> e.summary().toLowerCase(java.util.Locale.ROOT).contains("firing")));
            Thread.sleep(3_000); // six more polls at 30x: a second writer would have written by now

            now[0] = "{\"rps\": 100, \"err\": 0.5}";
            waitFor("both laptops back to normal", Duration.ofSeconds(20),
                    () -> alice.metrics().feed().scaleSeverity() == ScaleSeverity.NORMAL
                            && bob.metrics().feed().scaleSeverity() == ScaleSeverity.NORMAL);
            waitFor("the alert resolved", Duration.ofSeconds(20), () -> events(check, EventKind.ALERT_STATE_CHANGED)
                    .stream().anyMatch(e -> e.summary().toLowerCase(java.util.Locale.ROOT).contains("resolved")));
            Thread.sleep(3_000);

            List<TimelineEvent> scale = events(check, EventKind.SCALE_SEVERITY_CHANGED);
            List<TimelineEvent> incident = events(check, EventKind.INCIDENT_SEVERITY_CHANGED);
            List<TimelineEvent> alerts = events(check, EventKind.ALERT_STATE_CHANGED);
            assertEquals(2, scale.size(), "up to SURGE and back, once each: " + summaries(scale));
            assertTrue(scale.get(0).summary().contains("SURGE"), summaries(scale).toString());
            assertEquals(2, incident.size(), "8 % errors raised the incident severity, then it calmed, once each: "
                    + summaries(incident));
            assertEquals(2, alerts.size(), "fired and resolved, once each: " + summaries(alerts));
        } finally {
            check.close();
            source.stop(0);
        }
    }

    private static List<TimelineEvent> events(Database db, EventKind kind) {
        List<TimelineEvent> all = new ArrayList<>(db.read(tx -> tx.latestEvents(10_000)));
        all.removeIf(e -> e.kind() != kind);
        all.sort(java.util.Comparator.comparing(TimelineEvent::at));
        return all;
    }

    private static List<String> summaries(List<TimelineEvent> events) {
        return events.stream().map(e -> e.at() + " " + e.actor() + " " + e.summary()).toList();
    }
}
