package dev.warroom.testing;

import com.sun.net.httpserver.HttpServer;
import dev.warroom.app.MainWindow;
import dev.warroom.config.ConfigLoader;
import dev.warroom.domain.EventKind;
import dev.warroom.domain.TimelineEvent;
import dev.warroom.domain.metric.Metric;
import dev.warroom.domain.metric.MetricSample;
import dev.warroom.store.Database;
import dev.warroom.ui.Theme;
import dev.warroom.ui.comms.Chime;
import dev.warroom.ui.dashboard.MetricChartView;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * For screenshots of the chart window and the "Connect metrics…" form: args DB THEME chart|connect. The chart
 * shows an hour of p95 with a source outage (a gap), severity changes and the mouse read-out; the form is
 * filled in and tested against a JSON endpoint started here on loopback.
 */
public final class ChartScreenshotApp extends Application {
    private Database db;
    private HttpServer server;

    @Override
    public void init() throws IOException {
        List<String> args = getParameters().getRaw();
        db = Database.open(Path.of(args.get(0)));
        if (args.get(2).equals("chart")) {
            seed(Instant.now());
        } else {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/now", exchange -> {
                byte[] body = ("{\"health\": {\"uptime\": 0.9987, \"p95\": 412, \"errors\": 1.8, \"rps\": 2350},"
                        + " \"growth\": {\"signups\": 5400}}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }
    }

    /** An hour of p95 rising into a surge, the source down for four minutes, and the events of it. */
    private void seed(Instant now) {
        Instant from = now.minus(Duration.ofMinutes(58));
        Instant downAt = now.minus(Duration.ofMinutes(24));
        Instant backAt = downAt.plus(Duration.ofMinutes(4));
        SplittableRandom random = new SplittableRandom(7);
        List<MetricSample> samples = new ArrayList<>();
        for (Instant t = from; t.isBefore(now); t = t.plusSeconds(5)) {
            if (!t.isBefore(downAt) && t.isBefore(backAt)) {
                continue;
            }
            double minutes = Duration.between(from, t).toSeconds() / 60.0;
            double p95 = 180 + Math.max(0, minutes - 12) * 38 + random.nextDouble(-40, 40);
            if (minutes > 46) {
                p95 = 1_650 - (minutes - 46) * 70 + random.nextDouble(-40, 40);
            }
            samples.add(new MetricSample(Metric.P95_LATENCY, t, Math.max(20, p95)));
        }
        db.samples().insert(samples);
        db.write(tx -> {
            tx.append(TimelineEvent.of(from.plus(Duration.ofMinutes(14)), "system", EventKind.SCALE_SEVERITY_CHANGED,
                    "scale", "Scale severity NORMAL → GROWTH (traffic 3.2x)", null, null));
            tx.append(TimelineEvent.of(from.plus(Duration.ofMinutes(22)), "system", EventKind.SCALE_SEVERITY_CHANGED,
                    "scale", "Scale severity GROWTH → SURGE (traffic 12.4x)", null, null));
            tx.append(TimelineEvent.of(from.plus(Duration.ofMinutes(27)), "alice", EventKind.CRISIS_STARTED,
                    "crisis", "Crisis started: Launch-day surge", null, null));
            tx.append(TimelineEvent.of(from.plus(Duration.ofMinutes(31)), "system", EventKind.INCIDENT_SEVERITY_CHANGED,
                    "incident", "Incident severity SEV-3 → SEV-2 (error rate 6.1 %)", null, null));
            tx.append(TimelineEvent.of(downAt, "system", EventKind.SOURCE_DOWN, "source:prom",
                    "Metric source \"prom\" down: connection refused", null, null));
            tx.append(TimelineEvent.of(backAt, "system", EventKind.SOURCE_BACK, "source:prom",
                    "Metric source \"prom\" back after 4m", null, null));
            tx.append(TimelineEvent.of(from.plus(Duration.ofMinutes(44)), "system", EventKind.ALERT_STATE_CHANGED,
                    "alert:slow-responses", "Alert \"slow-responses\" pending → firing (Response time p95 1702)",
                    null, null));
            tx.append(TimelineEvent.of(from.plus(Duration.ofMinutes(47)), "bob", EventKind.COMMS_SENT,
                    "comms:status-page", "Status page update sent", null, null));
            return null;
        });
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        dev.warroom.app.WarRoomContext context = dev.warroom.app.WarRoomContext.builder(db, ConfigLoader.load(null),
                TestMetrics.none(Clock.systemUTC())).clock(Clock.systemUTC(), ZoneId.systemDefault())
                .figures(dev.warroom.crisis.LiveFigures.none()).build();
        MainWindow.show(stage, context, Theme.parse(args.get(1)), Chime.silent());
        stage.setOnHidden(e -> {
            context.close();
            if (server != null) {
                server.stop(0);
            }
        });
        Platform.runLater(() -> ((ToggleButton) stage.getScene().lookup("#nav-dashboard")).fire());
        if (args.get(2).equals("chart")) {
            later(1, () -> {
                MetricChartView chart = MetricChartView.open(stage, Metric.P95_LATENCY, context.history(),
                        context.background(), ZoneId.systemDefault());
                later(2, () -> {
                    Node canvas = chart.stage().getScene().lookup("#metric-chart");
                    double x = canvas.getLayoutBounds().getWidth() * 0.74;
                    double y = canvas.getLayoutBounds().getHeight() * 0.5;
                    Event.fireEvent(canvas, new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, x, y, MouseButton.NONE, 0,
                            false, false, false, false, false, false, false, false, false, false, null));
                });
            });
        } else {
            later(1, () -> {
                later(1, () -> fill("http://127.0.0.1:" + server.getAddress().getPort() + "/now"));
                // showAndWait is refused inside an animation's handler: open the form from a plain pulse
                Platform.runLater(() -> ((ButtonBase) stage.getScene().lookup("#connect-metrics")).fire());
            });
        }
    }

    private static void fill(String url) {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && w.getScene().lookup("#connect-url") != null) {
                javafx.scene.Scene s = w.getScene();
                @SuppressWarnings("unchecked")
                javafx.scene.control.ComboBox<Object> kind = (javafx.scene.control.ComboBox<Object>) s.lookup("#connect-kind");
                kind.getSelectionModel().select(1);
                text(s, "#connect-url", url);
                text(s, "#connect-field-uptime", "/health/uptime");
                text(s, "#connect-field-p95-latency", "/health/p95");
                text(s, "#connect-field-error-rate", "/health/errors");
                text(s, "#connect-field-requests-per-second", "/health/rps");
                text(s, "#connect-field-signups-per-hour", "/growth/signups");
                text(s, "#connect-field-cpu", "/system/cpu");
                ((ButtonBase) s.lookup("#connect-test")).fire();
            }
        }
    }

    private static void text(javafx.scene.Scene s, String id, String value) {
        ((TextInputControl) s.lookup(id)).setText(value);
    }

    private static void later(double seconds, Runnable r) {
        PauseTransition p = new PauseTransition(javafx.util.Duration.seconds(seconds));
        p.setOnFinished(e -> r.run());
        p.play();
    }
}
