package dev.warroom.app;

import dev.warroom.connect.AlertReceiver;
import dev.warroom.connect.delivery.Courier;
import dev.warroom.config.AppConfig;
import dev.warroom.crisis.alerts.AlertIntake;
import dev.warroom.crisis.outbox.Outbox;
import dev.warroom.store.Database;
import dev.warroom.store.TeamLease;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The app's links to the incident toolchain, owned here and stopped in {@link #close()}: the optional
 * alert receiver and the courier that delivers sent messages. Neither is needed to run: a receiver that
 * cannot start says why and the app goes on without it.
 */
final class Connections implements AutoCloseable {
    private final AlertReceiver receiver;
    private final Courier courier;
    private final TeamLease courierLease;
    private final List<String> problems;

    private Connections(AlertReceiver receiver, Courier courier, TeamLease courierLease, List<String> problems) {
        this.receiver = receiver;
        this.courier = courier;
        this.courierLease = courierLease;
        this.problems = List.copyOf(problems);
    }

    /**
     * Starts what the configuration asks for. Runs off the FX thread (it binds a port and reads the database).
     * Received alerts are written on {@code writer}, the app's one database writer, which the caller owns
     * and stops after {@link #close()}.
     */
    static Connections start(AppConfig config, Database db, Clock clock, ZoneId zone, UnaryOperator<String> env,
                             Executor writer) {
        List<String> problems = new ArrayList<>();
        AlertReceiver receiver = null;
        if (config.receiverSettings().on() && !db.readOnly()) {
            try {
                receiver = AlertReceiver.start(config.receiverSettings(), new AlertIntake(db, clock, zone, writer),
                        env);
                System.err.println("warroom: alert receiver listening on " + config.receiverSettings().bindAddress()
                        + ":" + receiver.port());
            } catch (AlertReceiver.StartException e) {
                problems.add(e.getMessage());
                System.err.println("warroom: " + e.getMessage());
            }
        }
        Courier courier = null;
        TeamLease lease = null;
        if (!config.channelSettings().isEmpty() && !db.readOnly()) {
            // team mode: every laptop has the channels configured, but only the lease holder delivers
            lease = db.teamSession().map(s -> s.courierLease()).orElse(null);
            TeamLease held = lease;
            courier = Courier.start(new Outbox(db, clock), clock, config.channelSettings(), env,
                    held == null ? () -> true : held::tryHold);
        }
        return new Connections(receiver, courier, lease, problems);
    }

    /** What did not start, in words for the person at the laptop. */
    List<String> problems() {
        return problems;
    }

    @Override
    public void close() {
        if (receiver != null) {
            receiver.close();
        }
        if (courier != null) {
            courier.close();
        }
        if (courierLease != null) {
            courierLease.close();
        }
    }
}
