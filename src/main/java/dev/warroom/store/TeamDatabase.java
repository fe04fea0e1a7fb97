package dev.warroom.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * Opens the shared PostgreSQL database of team mode. Before anything is written it checks the server version,
 * that the database is empty or War Room's own, and then runs the same Flyway history as H2 (with the
 * PostgreSQL folder where the SQL differs). A schema written by a newer War Room opens read-only.
 */
public final class TeamDatabase {
    /** PostgreSQL 13 is the oldest server War Room accepts. */
    public static final int MIN_SERVER_VERSION = 130000;
    private static final String HISTORY = "flyway_schema_history";

    private TeamDatabase() {
    }

    /**
     * Who is opening the database and how the session keeps in touch with it.
     *
     * @param actor    the person, recorded in every event and shown in presence
     * @param kind     "laptop", "wall" or "tool" (copy, report)
     * @param env      environment lookup (the password variable)
     * @param pgpass   the password file to read when the variable is not set, or null
     * @param timings  heartbeat, health probe and safety-net re-read intervals
     */
    public record Options(String actor, String kind, Function<String, String> env, Path pgpass, TeamTimings timings) {
        public static Options of(String actor, String kind) {
            return new Options(actor, kind, System::getenv,
                    Path.of(System.getProperty("user.home"), ".pgpass"), TeamTimings.DEFAULT);
        }

        public Options withTimings(TeamTimings t) {
            return new Options(actor, kind, env, pgpass, t);
        }

        public Options withEnv(Function<String, String> e) {
            return new Options(actor, kind, e, pgpass, timings);
        }
    }

    /** Opens the team database at {@code address}; throws {@link DatabaseOpenException} with a plain message. */
    public static Database open(TeamAddress address, Options options) {
        TeamPool pool = new TeamPool(address.jdbcUrl(),
                address.properties(options.env(), options.pgpass(), "War Room (" + options.actor() + ")"));
        try {
            try (Connection c = pool.getConnection()) {
                checkVersion(address, serverVersion(c), c.getMetaData().getDatabaseProductVersion());
                checkOwnership(address, c);
            } catch (SQLException e) {
                throw TeamErrors.openFailed(address, e);
            }
            Flyway flyway = Database.flyway(pool, Dialect.POSTGRESQL);
            String readOnly;
            try {
                readOnly = newerSchema(flyway);
                if (readOnly == null) {
                    flyway.migrate();
                }
            } catch (FlywayException e) {
                throw migrationFailed(address, e);
            }
            TeamSession session = TeamSession.start(address, pool, options, readOnly != null);
            return new Database(null, pool, readOnly, null, address.describe(), session);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Why the schema must not be changed (written by a newer War Room), or null when this version may migrate it. */
    static String newerSchema(Flyway flyway) {
        MigrationInfoService info = flyway.info();
        List<MigrationInfo> future = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .toList();
        if (future.isEmpty()) {
            return null;
        }
        String newest = future.stream().max(Comparator.comparing(MigrationInfo::getVersion))
                .map(m -> m.getVersion().getVersion()).orElse("?");
        String known = Arrays.stream(info.all())
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .max(Comparator.comparing(MigrationInfo::getVersion))
                .map(m -> m.getVersion().getVersion()).orElse("none");
        return "it was written by a newer War Room (schema " + newest + ", this version knows up to " + known
                + "). Update War Room to change it.";
    }

    private static int serverVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1).strip());
        }
    }

    /** Refuses servers older than PostgreSQL 13, naming the server and its version. */
    static void checkVersion(TeamAddress address, int versionNum, String versionText) {
        if (versionNum < MIN_SERVER_VERSION) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.TOO_OLD, null,
                    "The team database server " + address.server() + " runs PostgreSQL " + versionText
                            + "; War Room needs PostgreSQL 13 or newer. Nothing was changed.", null);
        }
    }

    /** An empty database, or one with War Room's history: anything else belongs to something else. */
    private static void checkOwnership(TeamAddress address, Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                        + "ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (tables.isEmpty()) {
            return;
        }
        boolean ours = false;
        if (tables.contains(HISTORY)) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT description FROM " + HISTORY + " WHERE version = '1'")) {
                ours = rs.next() && "board and timeline".equals(rs.getString(1));
            }
        }
        if (!ours) {
            List<String> shown = tables.stream().filter(t -> !t.equals(HISTORY)).limit(5).toList();
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_A_DATABASE, null,
                    "The database \"" + address.database() + "\" on " + address.server()
                            + " holds tables that are not War Room's (" + String.join(", ", shown)
                            + (tables.size() > shown.size() ? ", …" : "") + "). Nothing was changed. "
                            + "Give War Room a database of its own (createdb " + address.database() + "_warroom).",
                    null);
        }
    }

    private static DatabaseOpenException migrationFailed(TeamAddress address, FlywayException e) {
        String state = TeamErrors.state(e);
        String text = TeamErrors.firstLine(e);
        if (state.equals("42501") || text.contains("permission denied")) {
            return new DatabaseOpenException(DatabaseOpenException.Problem.NO_RIGHTS, null,
                    "User \"" + address.user() + "\" may not create War Room's tables in database \"" + address.database()
                            + "\" on " + address.server() + " (" + text + "). Nothing was changed. Open it once as "
                            + "the database owner, or have the owner grant CREATE on schema public.", e);
        }
        if (TeamErrors.connectionLost(e)) {
            return new DatabaseOpenException(DatabaseOpenException.Problem.UNREACHABLE, null,
                    "The team database server " + address.server() + " went away while War Room set up its tables ("
                            + text + "). Start War Room again when it is back.", e);
        }
        return new DatabaseOpenException(DatabaseOpenException.Problem.FAILED, null,
                "Could not set up War Room's tables in the " + address.describe() + ": " + text, e);
    }

    /** How long things take in team mode; tests shorten them. */
    public record TeamTimings(Duration heartbeat, Duration presenceTimeout, Duration probe, Duration reread,
                              Duration maxBackoff) {
        public static final TeamTimings DEFAULT = new TeamTimings(Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofMillis(700), Duration.ofSeconds(5), Duration.ofSeconds(8));
    }
}
