package dev.warroom.connect.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.warroom.config.ChannelSettings;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.crisis.outbox.Outbox;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.outbox.DeliveryState;
import dev.warroom.store.Database;
import dev.warroom.store.TeamAddress;
import dev.warroom.store.TeamDatabase;
import dev.warroom.store.TeamLease;
import dev.warroom.testing.PostgresCluster;
import dev.warroom.testing.PostgresExtension;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two laptops on one team database, both with the same delivery channel configured: only the one holding the
 * courier's lease delivers, so no message goes out twice; when it quits, the other takes over.
 */
@ExtendWith(PostgresExtension.class)
class CourierLeaseTest {
    /** Sent messages; each goes to two channels (two webhooks), which two couriers would share out. */
    private static final int MESSAGES = 8;

    private HttpServer hook;
    private final Map<String, AtomicInteger> byLaptop = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byText = new ConcurrentHashMap<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private PostgresCluster pg;
    private String name;

    @BeforeEach
    void start() throws Exception {
        pg = PostgresExtension.cluster();
        name = PostgresExtension.newDatabase();
        hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().substring(1).split("/", 2);
            String laptop = path[0];
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try {
                Thread.sleep(150); // a slow service: deliveries overlap if two couriers run
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byLaptop.computeIfAbsent(laptop, k -> new AtomicInteger()).incrementAndGet();
            String text = body.replaceAll("(?s).*\"text\"\\s*:\\s*\"([^\"]*)\".*", "$1");
            byText.computeIfAbsent(path[1] + ": " + text, k -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        hook.stop(0);
    }

    private Database laptop(String actor) {
        Database db = TeamDatabase.open(new TeamAddress(pg.host(), pg.port(), name, PostgresCluster.SUPERUSER),
                TeamDatabase.Options.of(actor, "laptop"));
        open.add(db);
        return db;
    }

    private static List<ChannelSettings> channels() {
        return List.of(new ChannelSettings("ops-hook", "webhook", null, "HOOK_URL", null, null,
                        List.of("status-page"), "5s"),
                new ChannelSettings("audit-hook", "webhook", null, "AUDIT_URL", null, null,
                        List.of("status-page"), "5s"));
    }

    /** The laptop's courier as the app starts it: its own URL path, so the hook sees who delivered. */
    private Courier courier(Database db, String actor) {
        TeamLease lease = db.teamSession().orElseThrow().courierLease();
        String url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/" + actor + "/";
        Courier c = Courier.start(new Outbox(db, Clock.systemUTC(), Duration.ofSeconds(3)), Clock.systemUTC(),
                channels(), key -> "HOOK_URL".equals(key) ? url + "ops" : "AUDIT_URL".equals(key) ? url + "audit"
                        : null, lease::tryHold);
        open.add(lease);
        open.add(c);
        return c;
    }

    private static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void onlyOneLaptopDeliversAndTheOtherTakesOverWhenItQuits() throws Exception {
        Database alice = laptop("alice");
        Database bob = laptop("bob");
        new CrisisService(alice, Clock.systemUTC(), "alice", List.of()).start("Launch surge", ScaleSeverity.VIRAL,
                Clock.systemUTC().instant(), "alice");
        CommsService comms = new CommsService(alice, Clock.systemUTC(), "alice", CommsCadence.seedDefault(),
                LiveFigures.none(), ZoneOffset.UTC, channels());
        courier(alice, "alice");
        courier(bob, "bob");
        for (int i = 0; i < MESSAGES; i++) {
            comms.markSent("status-page", OutputFormat.PLAIN, "Update " + i + ": we are investigating.");
        }
        await(() -> alice.read(tx -> tx.allOutbox()).stream().allMatch(m -> m.state() == DeliveryState.DELIVERED),
                "every message delivered");
        assertEquals(2 * MESSAGES, byText.size(), byText.toString());
        byText.forEach((text, n) -> assertEquals(1, n.get(), "delivered once: " + text));
        assertEquals(1, byLaptop.size(), "one laptop delivered: " + byLaptop);
        String holder = byLaptop.keySet().iterator().next();

        // the holder gives the job up (its lease closes as the app quits): the other laptop takes over
        List<TeamLease> held = open.stream().filter(c -> c instanceof TeamLease l && l.holding())
                .map(TeamLease.class::cast).toList();
        assertEquals(1, held.size(), "one lease held");
        held.get(0).close();
        comms.markSent("status-page", OutputFormat.PLAIN, "Update after the hand-over.");
        await(() -> byText.containsKey("ops: Update after the hand-over.")
                && byText.containsKey("audit: Update after the hand-over."), "the other laptop delivers");
        String other = holder.equals("alice") ? "bob" : "alice";
        assertEquals(2, byLaptop.get(other).get(), byLaptop.toString());
        assertEquals(1, byText.get("ops: Update after the hand-over.").get());
        assertEquals(1, byText.get("audit: Update after the hand-over.").get());
    }
}
