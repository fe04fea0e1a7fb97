package dev.warroom.testing;

import dev.warroom.config.ChannelSettings;
import dev.warroom.crisis.CrisisService;
import dev.warroom.crisis.LiveFigures;
import dev.warroom.crisis.alerts.AlertIntake;
import dev.warroom.crisis.comms.CommsService;
import dev.warroom.crisis.outbox.Outbox;
import dev.warroom.domain.comms.CommsCadence;
import dev.warroom.domain.comms.OutputFormat;
import dev.warroom.domain.metric.ScaleSeverity;
import dev.warroom.domain.alert.AlertNotification;
import dev.warroom.domain.alert.ReceivedAlert;
import dev.warroom.domain.outbox.OutboxMessage;
import dev.warroom.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A database for screenshots of issue 16: sent messages delivered, retrying, queued and failed, and a
 * card made by Alertmanager (one firing, one resolved). Args: DB path.
 */
public final class DeliveryDemoSeed {
    private DeliveryDemoSeed() {
    }

    public static void main(String[] args) {
        java.util.logging.Logger.getLogger("org.flywaydb").setLevel(java.util.logging.Level.WARNING);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(Path.of(args[0]))) {
            new CrisisService(db, clock, "alice", List.of()).start("Launch-day signup surge", ScaleSeverity.VIRAL,
                    clock.instant().minus(Duration.ofMinutes(50)), "alice");
            List<ChannelSettings> channels = List.of(
                    new ChannelSettings("slack-war-room", "slack", null, "SLACK_URL", null, null, List.of("war-room"), null),
                    new ChannelSettings("statuspage", "statuspage", null, null, "SP_KEY", "page1",
                            List.of("status-page"), null),
                    new ChannelSettings("ops-webhook", "webhook", "https://hooks.example.com/warroom", null, null, null,
                            List.of("status-page", "detailed"), null));
            CommsService comms = new CommsService(db, clock, "alice", CommsCadence.seedDefault(), LiveFigures.none(),
                    ZoneId.systemDefault(), channels);
            comms.markSent("war-room", OutputFormat.SLACK, "War room open in #surge: signups failing at 3x traffic.");
            comms.markSent("status-page", OutputFormat.PLAIN,
                    "We are investigating failed signups and slow pages. Next update in 2 hours.");
            Outbox outbox = new Outbox(db, clock);
            List<OutboxMessage> all = db.read(tx -> tx.allOutbox());
            outbox.delivered(claim(outbox), "Slack answered 200", null);
            outbox.delivered(claim(outbox), "incident inc1 created (investigating)", "inc1");
            OutboxMessage hook = claim(outbox);
            outbox.failed(hook, "HTTP 404: no such hook");
            comms.markSent("status-page", OutputFormat.PLAIN,
                    "We found the cause (the signup database) and are adding capacity.");
            outbox.retryLater(claim(outbox), "HTTP 503: service unavailable", Duration.ofMinutes(2));

            AlertIntake intake = new AlertIntake(db, clock, ZoneId.systemDefault());
            intake.receive(alert("HighErrorRate", "critical", "Error rate above 5% on checkout-api",
                    true, "https://runbooks.example/high-error-rate"));
            intake.receive(alert("SlowSignups", "warning", "Signup p95 above 2 s", true,
                    "https://runbooks.example/slow-signups"));
            intake.receive(alert("SlowSignups", "warning", "Signup p95 above 2 s", false,
                    "https://runbooks.example/slow-signups"));
            System.out.println("seeded " + all.size() + " deliveries");
        }
    }

    private static OutboxMessage claim(Outbox outbox) {
        return outbox.claimNext().orElseThrow().message();
    }

    private static AlertNotification alert(String name, String severity, String summary, boolean firing, String runbook) {
        Map<String, String> labels = Map.of("alertname", name, "severity", severity, "service", "checkout-api");
        Map<String, String> annotations = Map.of("summary", summary, "runbook_url", runbook);
        return new AlertNotification("Alertmanager", "{}:{alertname=\"" + name + "\"}", firing, labels, annotations,
                "http://alertmanager.internal:9093", List.of(new ReceivedAlert(firing, labels, annotations,
                Instant.now().minus(Duration.ofMinutes(5)), "http://prometheus.internal:9090/graph?g0.expr=" + name,
                name.toLowerCase())));
    }
}
