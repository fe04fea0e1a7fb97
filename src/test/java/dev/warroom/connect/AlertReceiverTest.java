package dev.warroom.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.config.ReceiverSettings;
import dev.warroom.crisis.alerts.AlertIntake;
import dev.warroom.domain.Card;
import dev.warroom.domain.Column;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.Priority;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver over real HTTP on loopback, against a real H2 file. */
class AlertReceiverTest {
    static final String TOKEN = "s3cret-token";

    @TempDir
    Path dir;
    Database db;
    AlertReceiver receiver;
    MutableClock clock;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws Exception {
        db = Database.open(dir.resolve("alerts"));
        clock = new MutableClock(Instant.parse("2026-12-01T14:30:00Z"));
        receiver = AlertReceiver.start(new ReceiverSettings(true, "127.0.0.1", 0, "TEST_TOKEN"),
                new AlertIntake(db, clock, ZoneOffset.UTC), name -> name.equals("TEST_TOKEN") ? TOKEN : null);
    }

    @AfterEach
    void stop() {
        receiver.close();
        db.close();
    }

    static String alertmanager(String status, String severity, String extraLabel) {
        return """
            {"version":"4","groupKey":"{}:{alertname=\\"HighErrorRate\\"}","truncatedAlerts":0,"status":"%s",
             "receiver":"warroom","groupLabels":{"alertname":"HighErrorRate"},
             "commonLabels":{"alertname":"HighErrorRate","severity":"%s","service":"api"%s},
             "commonAnnotations":{"summary":"Error rate above 5%% on api","runbook_url":"https://runbooks.example/errors"},
             "externalURL":"http://alertmanager.example:9093",
             "alerts":[{"status":"%s","labels":{"alertname":"HighErrorRate","severity":"%s","service":"api","instance":"web-1"},
               "annotations":{"summary":"Error rate above 5%% on api"},"startsAt":"2026-12-01T14:29:00Z",
               "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus.example:9090/graph?g0.expr=x",
               "fingerprint":"abc123"}]}
            """.formatted(status, severity, extraLabel, status, severity);
    }

    HttpResponse<String> post(String path, String body, String contentType, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, "application/json", "Bearer " + TOKEN);
    }

    List<Card> cards() {
        return db.read(tx -> tx.cards());
    }

    List<TimelineEvent> events() {
        return db.read(tx -> tx.latestEvents(10_000));
    }

    @Test
    void firingGroupBecomesOneCardRepeatsAddNoneResolutionMarksIt() throws Exception {
        HttpResponse<String> r = post(AlertReceiver.ALERTMANAGER_PATH, alertmanager("firing", "critical", ""));
        assertEquals(200, r.statusCode(), r.body());
        List<Card> cards = cards();
        assertEquals(1, cards.size());
        Card card = cards.get(0);
        assertEquals(Column.BACKLOG, card.column());
        assertEquals(Priority.CRITICAL, card.priority());
        assertEquals("Error rate above 5% on api", card.title());
        assertTrue(card.description().contains("severity=critical"), card.description());
        assertTrue(card.description().contains("Runbook: https://runbooks.example/errors"), card.description());
        assertTrue(card.description().contains("Graph: http://prometheus.example:9090/graph?g0.expr=x"));

        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, post(AlertReceiver.ALERTMANAGER_PATH, alertmanager("firing", "critical", "")).statusCode());
        }
        assertEquals(1, cards().size(), "repeats of the same group never add a card");
        var link = db.read(tx -> tx.alertCards()).get(0);
        assertEquals(4, link.timesSeen());
        assertEquals(Instant.parse("2026-12-01T14:31:00Z"), link.lastSeen());

        clock.set(Instant.parse("2026-12-01T14:32:00Z"));
        assertEquals(200, post(AlertReceiver.ALERTMANAGER_PATH, alertmanager("resolved", "critical", "")).statusCode());
        Card resolved = cards().get(0);
        assertEquals(Column.BACKLOG, resolved.column(), "resolution never moves the card");
        assertEquals("✓ resolved 14:32 by Alertmanager", resolved.statusNote());
        List<TimelineEvent> ev = events();
        assertEquals(5, ev.stream().filter(e -> e.kind() == EventKind.ALERT_RECEIVED).count());
        assertTrue(ev.stream().filter(e -> e.kind() == EventKind.ALERT_RECEIVED)
                .allMatch(e -> e.after().contains("\"instance\":\"web-1\"")), "each alert's labels are recorded");
        assertEquals(1, ev.stream().filter(e -> e.kind() == EventKind.ALERT_RESOLVED).count());
    }

    /**
     * The JDK's HTTP server writes an answer's headers and body as two segments; with Nagle's algorithm on
     * the accepted socket the body waits for the sender's delayed ACK (40 ms on Linux) on every kept-alive
     * request, which alone put the receiver's median at 44 ms under load. The server reads its no-delay
     * switch once, when its classes load, so the receiver must have set it before any server exists.
     */
    @Test
    void answersAreNotHeldBackByNaglesAlgorithm() {
        assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"),
                "the receiver turns on TCP_NODELAY for the sockets it accepts");
    }

    @Test
    void concurrentSendersOfOneGroupOverHttpGetOneCardAndEveryNotificationCounted() throws Exception {
        int senders = 24;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(senders);
        List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int s = 0; s < senders; s++) {
            statuses.add(pool.submit(() -> {
                together.await();
                return post(AlertReceiver.ALERTMANAGER_PATH, alertmanager("firing", "critical", "")).statusCode();
            }));
        }
        for (java.util.concurrent.Future<Integer> f : statuses) {
            assertEquals(200, f.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, cards().size(), "one group, one card");
        assertEquals(senders, db.read(tx -> tx.alertCards()).get(0).timesSeen(), "each answered 200 is counted once");
    }

    @Test
    void resolutionLeavesAPersonsCardWhereItIsAndKeepsTheirNote() throws Exception {
        post(AlertReceiver.ALERTMANAGER_PATH, alertmanager("firing", "warning", ""));
        Card c = cards().get(0);
        assertEquals(Priority.HIGH, c.priority(), "anything but critical/page is HIGH");
        Card mine = db.write(tx -> tx.updateCard(new Card(c.id(), c.title(), c.description(), c.kind(), c.priority(),
                "alice", null, "rolling back", Column.IN_PROGRESS, 0, c.createdAt(), c.movedAt(), c.enteredColumnAt(),
                null, c.version())));
        post(AlertReceiver.ALERTMANAGER_PATH, alertmanager("resolved", "warning", ""));
        Card after = cards().get(0);
        assertEquals(Column.IN_PROGRESS, after.column());
        assertEquals("alice", after.assignee());
        assertEquals("rolling back", after.statusNote(), "a person's note stays");
        assertTrue(after.description().contains("✓ resolved 14:30 by Alertmanager"), after.description());
        assertTrue(mine.version() < after.version());
    }

    @Test
    void genericAlertIsDeduplicatedByFingerprint() throws Exception {
        String body = "{\"title\":\"Checkout queue backing up\",\"severity\":\"page\",\"fingerprint\":\"q-1\","
                + "\"labels\":{\"queue\":\"checkout\"},\"url\":\"https://grafana.example/d/1\"}";
        assertEquals(200, post(AlertReceiver.GENERIC_PATH, body).statusCode());
        assertEquals(200, post(AlertReceiver.GENERIC_PATH, body).statusCode());
        assertEquals(1, cards().size());
        assertEquals(Priority.CRITICAL, cards().get(0).priority());
        assertEquals(200, post(AlertReceiver.GENERIC_PATH, body.replace("\"fingerprint\"", "\"status\":\"resolved\","
                + "\"fingerprint\"")).statusCode());
        assertTrue(cards().get(0).statusNote().matches("✓ resolved \\d\\d:\\d\\d by alert webhook"), cards().get(0).statusNote());
    }

    @Test
    void hostilePayloadsAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        String good = alertmanager("firing", "critical", "");
        String deep = "{\"version\":\"4\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}";
        String huge = good.replace("\"service\":\"api\"}", "\"service\":\"api\",\"big\":\"" + "a".repeat(1_100_000)
                + "\"}");
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("no token", new Object[] {post(AlertReceiver.ALERTMANAGER_PATH, good, "application/json", null), 401,
                "missing bearer token"});
        cases.put("wrong token", new Object[] {post(AlertReceiver.ALERTMANAGER_PATH, good, "application/json",
                "Bearer guess"), 401, "wrong bearer token"});
        cases.put("content type", new Object[] {post(AlertReceiver.ALERTMANAGER_PATH, good, "text/html",
                "Bearer " + TOKEN), 415, "expected Content-Type: application/json"});
        cases.put("huge", new Object[] {post(AlertReceiver.ALERTMANAGER_PATH, huge), 413, "larger than 1 MiB"});
        cases.put("nested", new Object[] {post(AlertReceiver.ALERTMANAGER_PATH, deep), 400, "nested deeper"});
        cases.put("wrong types", new Object[] {post(AlertReceiver.ALERTMANAGER_PATH,
                good.replace("\"severity\":\"critical\",\"service\"", "\"severity\":5,\"service\"")), 400,
                "commonLabels.severity: expected a text value"});
        cases.put("html", new Object[] {post(AlertReceiver.ALERTMANAGER_PATH, alertmanager("firing", "critical",
                ",\"team\":\"<script>alert(1)</script>\"")), 400, "commonLabels.team: contains HTML"});
        cases.put("version", new Object[] {post(AlertReceiver.ALERTMANAGER_PATH, good.replace("\"4\"", "\"3\"")), 400,
                "version"});
        cases.put("not json", new Object[] {post(AlertReceiver.ALERTMANAGER_PATH, "{\"version\":"), 400,
                "not valid JSON"});
        cases.put("generic unknown field", new Object[] {post(AlertReceiver.GENERIC_PATH,
                "{\"title\":\"x\",\"sql\":\"drop\"}"), 400, "sql: unknown field"});
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port()
                + AlertReceiver.GENERIC_PATH)).GET().build(), HttpResponse.BodyHandlers.ofString());
        cases.put("GET", new Object[] {get, 405, "use POST"});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> r = (HttpResponse<String>) c.getValue()[0];
            assertEquals(c.getValue()[1], r.statusCode(), c.getKey() + ": " + r.body());
            assertTrue(r.body().contains((String) c.getValue()[2]), c.getKey() + ": " + r.body());
        }
        assertEquals(List.of(), cards(), "no hostile request changed the board");
        assertEquals(List.of(), events(), "nor the timeline");
    }

    @Test
    void aTakenPortIsReportedAndNothingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AlertReceiver.StartException e = assertThrows(AlertReceiver.StartException.class, () -> AlertReceiver.start(
                    new ReceiverSettings(true, "127.0.0.1", taken.getLocalPort(), "TEST_TOKEN"),
                    new AlertIntake(db, clock, ZoneOffset.UTC), name -> TOKEN));
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"),
                    e.getMessage());
        }
        AlertReceiver.StartException noToken = assertThrows(AlertReceiver.StartException.class, () ->
                AlertReceiver.start(new ReceiverSettings(true, "127.0.0.1", 0, "UNSET_VAR"),
                        new AlertIntake(db, clock, ZoneOffset.UTC), name -> null));
        assertTrue(noToken.getMessage().contains("UNSET_VAR"), noToken.getMessage());
    }
}
