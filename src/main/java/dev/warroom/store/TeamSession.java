package dev.warroom.store;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One client's live link to the team database: it serialises writes (a transaction-scoped advisory lock, so
 * WIP limits and versions are checked against what is really there), sends a notification in the same
 * transaction as every change, listens for the others' changes, re-reads the change counter as a safety net,
 * notices within two seconds when the server has gone away, reconnects with backoff, and keeps this client's
 * presence row fresh.
 *
 * <p>Listeners are called on the session's own thread; a UI hands the news to its own thread.
 */
public final class TeamSession implements AutoCloseable {
    static final String CHANGE_CHANNEL = "warroom_change";
    static final String PRESENCE_CHANNEL = "warroom_presence";
    /** Advisory lock keys (two ints: War Room's namespace, then what is locked). */
    static final int LOCK_SPACE = 0x57520001;
    static final int WRITE_LOCK = 1;
    static final int RECORDER_LOCK = 2;
    static final int COURIER_LOCK = 3;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final TeamAddress address;
    private final TeamPool pool;
    private final TeamDatabase.Options options;
    private final boolean readOnly;
    private final String clientId = UUID.randomUUID().toString();
    private final List<TeamListener> listeners = new CopyOnWriteArrayList<>();
    private final Thread watcher;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean closed;
    private volatile Instant unreachableSince;
    private volatile String unreachableCause = "";
    private volatile long lastSeq = -1;
    private volatile Connection listenConnection;

    private TeamSession(TeamAddress address, TeamPool pool, TeamDatabase.Options options, boolean readOnly) {
        this.address = address;
        this.pool = pool;
        this.options = options;
        this.readOnly = readOnly;
        this.watcher = new Thread(this::watch, "warroom-team-watch");
        this.watcher.setDaemon(true);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warroom-team-presence");
            t.setDaemon(true);
            return t;
        });
    }

    static TeamSession start(TeamAddress address, TeamPool pool, TeamDatabase.Options options, boolean readOnly) {
        TeamSession s = new TeamSession(address, pool, options, readOnly);
        try {
            s.listenConnection = s.listen();
        } catch (SQLException e) {
            throw TeamErrors.openFailed(address, e);
        }
        s.watcher.start();
        if (!readOnly && !"tool".equals(options.kind())) {
            long every = options.timings().heartbeat().toMillis();
            s.heartbeat.scheduleWithFixedDelay(s::beat, 0, every, TimeUnit.MILLISECONDS);
        }
        return s;
    }

    /** This client's id in the presence table and in change notifications. */
    public String clientId() {
        return clientId;
    }

    public TeamAddress address() {
        return address;
    }

    /** Connected, or unreachable since when and why. */
    public TeamStatus status() {
        Instant since = unreachableSince;
        return since == null ? TeamStatus.connected(address.describe())
                : TeamStatus.unreachable(address.describe(), since, unreachableCause, unreachableMessage(since));
    }

    /** Subscribes to changes made by any client (this one included) and to connection changes. */
    public AutoCloseable subscribe(TeamListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // called by Database around every transaction

    void refuseWhileUnreachable() {
        Instant since = unreachableSince;
        if (since != null) {
            throw ReadOnlyException.saying("Not saved: " + unreachableMessage(since));
        }
    }

    private static String unreachableMessage(Instant since) {
        return "team database unreachable since " + hhmm(since) + " — read-only, retrying";
    }

    private static String hhmm(Instant at) {
        return HH_MM.format(at.atZone(ZoneId.systemDefault()));
    }

    /** Every write holds the team's write lock until it commits: one writer at a time sees the board. */
    void beginWrite(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setInt(2, WRITE_LOCK);
            ps.execute();
        }
    }

    /** Counts the change and tells the other clients, inside the same transaction (sent only if it commits). */
    void beforeCommit(Connection c) throws SQLException {
        long seq;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("UPDATE team_change SET seq = seq + 1 WHERE id = 1 RETURNING seq")) {
            rs.next();
            seq = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANGE_CHANNEL);
            ps.setString(2, seq + " " + clientId);
            ps.execute();
        }
    }

    /** Where a transaction was when it failed: what the person is told depends on it. */
    enum Stage {
        /** A read: nothing was to be changed. */
        READING,
        /** A change not yet sent for commit: the server cannot have saved it. */
        WRITING,
        /** A change whose commit was sent: the server may have saved it before the connection dropped. */
        COMMITTING
    }

    /** A failed transaction: a lost connection makes the client read-only until it reconnects. */
    StoreException failed(Exception e, Stage stage) {
        if (e instanceof ReadOnlyException r) {
            return r;
        }
        if (e instanceof StoreException s && !(s.getCause() instanceof SQLException)) {
            return s;
        }
        SQLException sql = e instanceof SQLException s ? s
                : e.getCause() instanceof SQLException s ? s : null;
        if (sql != null && TeamErrors.connectionLost(sql)) {
            Instant since = markUnreachable(TeamErrors.firstLine(sql));
            return switch (stage) {
                case READING -> new StoreException("team database unreachable since " + hhmm(since) + " — retrying",
                        sql);
                case WRITING -> ReadOnlyException.saying("Not saved: " + unreachableMessage(since));
                case COMMITTING -> ReadOnlyException.saying("Not confirmed: " + unreachableMessage(since)
                        + ". If the server saved the change before the connection dropped, it shows once the "
                        + "database is back.");
            };
        }
        if (e instanceof StoreException s) {
            return s;
        }
        return new StoreException("The " + address.describe() + " refused the change: " + TeamErrors.firstLine(e), e);
    }

    private Instant markUnreachable(String cause) {
        synchronized (this) {
            if (unreachableSince == null) {
                unreachableSince = Instant.now();
                unreachableCause = cause;
            } else {
                return unreachableSince;
            }
        }
        pool.evictIdle();
        Connection l = listenConnection;
        if (l != null) {
            try {
                l.abort(Runnable::run);
            } catch (SQLException ignored) {
                // it is gone already
            }
        }
        fireStatus();
        return unreachableSince;
    }

    // the watcher: notifications, probe, safety-net re-read, reconnect

    private Connection listen() throws SQLException {
        Connection c = pool.dedicated();
        c.setNetworkTimeout(Runnable::run, (int) Math.max(500, options.timings().probe().toMillis() * 2));
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + CHANGE_CHANNEL);
            st.execute("LISTEN " + PRESENCE_CHANNEL);
        }
        lastSeq = Math.max(lastSeq, readSeq(c));
        return c;
    }

    private static long readSeq(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq FROM team_change WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void watch() {
        long probeMs = options.timings().probe().toMillis();
        long rereadNanos = options.timings().reread().toNanos();
        long lastReread = System.nanoTime();
        long backoffMs = 250;
        while (!closed) {
            Connection c = listenConnection;
            try {
                if (c == null || unreachableSince != null) {
                    sleep(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, options.timings().maxBackoff().toMillis());
                    if (closed) {
                        break;
                    }
                    reconnect();
                    backoffMs = 250;
                    continue;
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                PGNotification[] got = pg.getNotifications((int) probeMs);
                if (got != null && got.length > 0) {
                    deliver(got);
                }
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT 1");
                }
                if (System.nanoTime() - lastReread >= rereadNanos) {
                    lastReread = System.nanoTime();
                    long seq = readSeq(c);
                    if (seq > lastSeq) {
                        lastSeq = seq;
                        fireChange(new TeamChange(seq, null, false, true));
                    }
                }
            } catch (SQLException e) {
                if (closed) {
                    break;
                }
                listenConnection = null;
                closeQuietly(c);
                markUnreachable(TeamErrors.firstLine(e));
            } catch (RuntimeException e) {
                if (closed) {
                    break;
                }
                System.err.println("warroom: team database watcher: " + e);
                sleep(probeMs);
            }
        }
        closeQuietly(listenConnection);
    }

    private void reconnect() throws SQLException {
        Connection fresh;
        try {
            fresh = listen();
        } catch (SQLException e) {
            unreachableCause = TeamErrors.firstLine(e);
            return;
        }
        listenConnection = fresh;
        pool.evictIdle();
        synchronized (this) {
            unreachableSince = null;
            unreachableCause = "";
        }
        fireStatus();
        if (!readOnly && !"tool".equals(options.kind())) {
            heartbeat.execute(this::beat);
        }
        // catch up: whatever happened meanwhile is re-read by every listener
        fireChange(new TeamChange(lastSeq, null, false, true));
    }

    private void deliver(PGNotification[] got) {
        long newest = -1;
        String by = null;
        boolean presence = false;
        for (PGNotification n : got) {
            if (PRESENCE_CHANNEL.equals(n.getName())) {
                presence = true;
                continue;
            }
            String[] parts = n.getParameter().split(" ", 2);
            try {
                long seq = Long.parseLong(parts[0]);
                if (seq > newest) {
                    newest = seq;
                    by = parts.length > 1 ? parts[1] : null;
                }
            } catch (NumberFormatException ignored) {
                // not ours
            }
        }
        if (newest > lastSeq) {
            lastSeq = newest;
            fireChange(new TeamChange(newest, by, clientId.equals(by), false));
        }
        if (presence) {
            listeners.forEach(l -> safely(() -> l.presenceChanged()));
        }
    }

    private void fireChange(TeamChange change) {
        listeners.forEach(l -> safely(() -> l.changed(change)));
    }

    private void fireStatus() {
        TeamStatus s = status();
        listeners.forEach(l -> safely(() -> l.statusChanged(s)));
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("warroom: a team database listener failed: " + e);
        }
    }

    // presence

    private void beat() {
        if (closed || unreachableSince != null) {
            return;
        }
        try (Connection c = pool.getConnection()) {
            boolean joined;
            try (PreparedStatement ps = c.prepareStatement("UPDATE team_presence SET heartbeat_at = now() "
                    + "WHERE client_id = ?")) {
                ps.setString(1, clientId);
                joined = ps.executeUpdate() == 0;
            }
            if (joined) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO team_presence (client_id, actor, host, kind, "
                        + "started_at, heartbeat_at) VALUES (?, ?, ?, ?, now(), now())")) {
                    ps.setString(1, clientId);
                    ps.setString(2, cut(options.actor(), 80));
                    ps.setString(3, cut(hostName(), 120));
                    ps.setString(4, cut(options.kind(), 16));
                    ps.executeUpdate();
                }
            }
            int gone;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM team_presence WHERE heartbeat_at < now() - "
                    + "make_interval(secs => ?)")) {
                ps.setDouble(1, options.timings().presenceTimeout().toMillis() / 1000.0);
                gone = ps.executeUpdate();
            }
            if (joined || gone > 0) {
                notifyPresence(c);
            }
        } catch (SQLException e) {
            if (TeamErrors.connectionLost(e)) {
                markUnreachable(TeamErrors.firstLine(e));
            }
        }
    }

    private static void notifyPresence(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, '')")) {
            ps.setString(1, PRESENCE_CHANNEL);
            ps.execute();
        }
    }

    /** Who has the war room open right now (heartbeat within the time-out), this client included. */
    public List<TeamMember> present() {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT client_id, actor, host, kind, started_at, recording FROM team_presence "
                        + "WHERE heartbeat_at >= now() - make_interval(secs => ?) ORDER BY started_at, client_id")) {
            ps.setDouble(1, options.timings().presenceTimeout().toMillis() / 1000.0);
            List<TeamMember> members = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(new TeamMember(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Jdbc.instant(rs, "started_at"), rs.getBoolean(6), clientId.equals(rs.getString(1))));
                }
            }
            return members;
        } catch (SQLException e) {
            throw failed(e, Stage.READING);
        }
    }

    /** Marks this client as the one recording metric samples (or not), for the sources panel. */
    void setRecording(boolean recording) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE team_presence SET recording = ? WHERE client_id = ?")) {
            ps.setBoolean(1, recording);
            ps.setString(2, clientId);
            ps.executeUpdate();
            notifyPresence(c);
        } catch (SQLException e) {
            if (TeamErrors.connectionLost(e)) {
                markUnreachable(TeamErrors.firstLine(e));
            }
        }
    }

    /** The election of the one client that polls the metric sources and records samples. */
    public RecorderElection recorderElection() {
        return new RecorderElection(this, pool);
    }

    /** The lease of the one client that delivers sent messages (Slack, Statuspage, webhooks). */
    public TeamLease courierLease() {
        return new TeamLease(pool, COURIER_LOCK);
    }

    TeamDatabase.Options options() {
        return options;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown host";
        }
    }

    private static String cut(String s, int max) {
        String v = s == null || s.isBlank() ? "?" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // going away
            }
        }
    }

    /** Leaves the war room (removes the presence row) and stops the threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat.shutdownNow();
        try {
            heartbeat.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!readOnly && unreachableSince == null) {
            try (Connection c = pool.getConnection();
                 PreparedStatement ps = c.prepareStatement("DELETE FROM team_presence WHERE client_id = ?")) {
                c.setNetworkTimeout(Runnable::run, 2000);
                ps.setString(1, clientId);
                ps.executeUpdate();
                notifyPresence(c);
            } catch (SQLException ignored) {
                // the others drop us after the time-out
            }
        }
        Connection l = listenConnection;
        if (l != null) {
            try {
                l.abort(Runnable::run);
            } catch (SQLException ignored) {
                // already gone
            }
        }
        watcher.interrupt();
        try {
            watcher.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
