package dev.warroom.store;

import java.sql.SQLException;

/** What a PostgreSQL error means for the person at the keyboard. */
final class TeamErrors {
    private TeamErrors() {
    }

    /** The connection itself failed (server gone, restarted, network cut), as opposed to a refused statement. */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    static String state(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return "";
    }

    /** The first line of the innermost message, without the driver's stack of causes. */
    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }

    /** Turns a failure to connect into the message a person sees at start, naming the server. */
    static DatabaseOpenException openFailed(TeamAddress a, SQLException e) {
        String state = state(e);
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (state.equals("28P01") || state.equals("28000") && msg.contains("password")) {
            return new DatabaseOpenException(DatabaseOpenException.Problem.AUTHENTICATION, null,
                    "The team database server " + a.server() + " refused the password for user \"" + a.user()
                            + "\". Check " + TeamAddress.PASSWORD_ENV + " or the line for this server in ~/.pgpass.", e);
        }
        if (state.equals("28000")) {
            return new DatabaseOpenException(DatabaseOpenException.Problem.AUTHENTICATION, null,
                    "The team database server " + a.server() + " does not let user \"" + a.user() + "\" into database \""
                            + a.database() + "\" (" + firstLine(e) + "). Ask its administrator for access.", e);
        }
        if (msg.contains("no password was provided") || msg.contains("password-based authentication")) {
            return new DatabaseOpenException(DatabaseOpenException.Problem.AUTHENTICATION, null,
                    "The team database server " + a.server() + " asks for a password for user \"" + a.user()
                            + "\". Set " + TeamAddress.PASSWORD_ENV + " or put it in ~/.pgpass.", e);
        }
        if (state.equals("3D000")) {
            return new DatabaseOpenException(DatabaseOpenException.Problem.FAILED, null,
                    "The team database server " + a.server() + " has no database \"" + a.database()
                            + "\". Create it first (for example: createdb -h " + a.host() + " -p " + a.port() + " "
                            + a.database() + ").", e);
        }
        if (connectionLost(e) || state.isEmpty()) {
            return new DatabaseOpenException(DatabaseOpenException.Problem.UNREACHABLE, null,
                    "The team database server " + a.server() + " does not answer (" + firstLine(e)
                            + "). Check the address and that PostgreSQL is running there.", e);
        }
        return new DatabaseOpenException(DatabaseOpenException.Problem.FAILED, null,
                "Cannot open the " + a.describe() + ": " + firstLine(e), e);
    }
}
