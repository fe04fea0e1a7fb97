package dev.warroom.app;

import dev.warroom.store.TeamChange;
import dev.warroom.store.TeamListener;
import dev.warroom.store.TeamMember;
import dev.warroom.store.TeamSession;
import dev.warroom.store.TeamStatus;
import dev.warroom.ui.TaskRunner;
import dev.warroom.ui.WarRoomState;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Team mode in the app: hears the team session (on its own thread) and brings the news to the shared state
 * on the FX thread. Another client's change makes every window read what is shared again (the reads run in
 * the background; a burst of notifications becomes one re-read); the connection state becomes the status
 * line and the read-only banner; the presence table becomes the header's "also here" and the recorder's
 * name. Owned by the app context, which closes it before the database.
 */
final class TeamLink implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TeamLink.class.getName());

    private final TeamSession session;
    private final WarRoomState state;
    private final TaskRunner background;
    private final dev.warroom.ui.ClockTicker ticker;
    private dev.warroom.ui.ClockTicker.Tick presenceTick;
    private final AtomicBoolean rereadQueued = new AtomicBoolean();
    private final AtomicBoolean presenceQueued = new AtomicBoolean();
    private AutoCloseable subscription;

    /** Who is present is read again this often (seconds) as well: a join announced while we were cut off is not lost. */
    static final int PRESENCE_SECONDS = 5;

    TeamLink(TeamSession session, WarRoomState state, TaskRunner background, dev.warroom.ui.ClockTicker ticker) {
        this.session = session;
        this.state = state;
        this.background = background;
        this.ticker = ticker;
    }

    /** Subscribes and shows the current connection state and who is present. */
    synchronized void start() {
        if (subscription != null) {
            return;
        }
        subscription = session.subscribe(new TeamListener() {
            @Override
            public void changed(TeamChange change) {
                if (!change.own() || change.resync()) {
                    reread();
                }
            }

            @Override
            public void statusChanged(TeamStatus status) {
                showStatus(status);
                if (status.connected()) {
                    readPresence();
                }
            }

            @Override
            public void presenceChanged() {
                readPresence();
            }
        });
        showStatus(session.status());
        readPresence();
        dev.warroom.ui.ClockTicker.Tick[] self = {null};
        self[0] = ticker.subscribe("team-presence", () -> {
            if (self[0].seconds() % PRESENCE_SECONDS == 0 && session.status().connected()) {
                readPresence();
            }
        });
        presenceTick = self[0];
    }

    /** One re-read on the FX thread for however many notifications arrive before it runs. */
    private void reread() {
        if (rereadQueued.compareAndSet(false, true)) {
            background.deliver(() -> {
                rereadQueued.set(false);
                state.othersChanged();
            });
        }
    }

    private void showStatus(TeamStatus status) {
        String message = status.connected() ? "" : status.message();
        background.deliver(() -> state.publishUnreachable(message));
    }

    /** Reads the presence table in the background; the header and the sources panel follow. */
    private void readPresence() {
        if (!presenceQueued.compareAndSet(false, true)) {
            return;
        }
        background.run(() -> {
            presenceQueued.set(false);
            return session.present();
        }, members -> {
            state.publishPresent(others(members));
            state.publishRecorder(recorder(members));
        }, e -> LOG.log(Level.FINE, "Could not read who is present: " + e.getMessage()));
    }

    /** The other clients, as the header names them: "bob", "bob on mini-pc (wall)" when they differ in kind. */
    static List<String> others(List<TeamMember> members) {
        return members.stream().filter(m -> !m.self()).map(TeamLink::name).toList();
    }

    private static String name(TeamMember m) {
        return "wall".equals(m.kind()) ? m.actor() + " (wall on " + m.host() + ")" : m.actor();
    }

    /** "alice on laptop-3" for the client that records samples, "this War Room" for this one, "" for none. */
    static String recorder(List<TeamMember> members) {
        return members.stream().filter(TeamMember::recording).findFirst()
                .map(m -> m.self() ? "this War Room (" + m.actor() + ")" : m.actor() + " on " + m.host())
                .orElse("");
    }

    @Override
    public synchronized void close() {
        if (presenceTick != null) {
            presenceTick.cancel();
            presenceTick = null;
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "team listener already gone", e);
            }
            subscription = null;
        }
    }
}
