package dev.warroom.store;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where the team database is: {@code postgresql://HOST[:PORT]/DBNAME?user=NAME} (also {@code postgres://} and
 * {@code jdbc:postgresql://}). The password never comes from the address: it is read from the environment
 * variable {@value #PASSWORD_ENV} or from the user's {@code ~/.pgpass}, as PostgreSQL's own tools do.
 */
public record TeamAddress(String host, int port, String database, String user) {
    public static final String PASSWORD_ENV = "WARROOM_DB_PASSWORD";
    public static final int DEFAULT_PORT = 5432;

    /** True when {@code text} is meant as a database address rather than a file path (it has a scheme). */
    public static boolean looksLikeAddress(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.matches("^[a-z][a-z0-9+.-]*://.*") || t.startsWith("jdbc:");
    }

    /** True for the addresses {@link #parse} takes (PostgreSQL); anything else with a scheme is refused. */
    public static boolean isPostgres(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("postgresql://") || t.startsWith("postgres://") || t.startsWith("jdbc:postgresql://");
    }

    /**
     * Reads a team database address. Throws {@link DatabaseOpenException} ({@code BAD_ADDRESS}) naming what is
     * wrong: not PostgreSQL, no host or database, a bad port, or a password in the address.
     */
    public static TeamAddress parse(String text, String defaultUser) {
        String given = text.strip();
        if (!isPostgres(given)) {
            throw bad(given, "\"" + given + "\" is neither a PostgreSQL address (postgresql://HOST:PORT/DBNAME?user=NAME)"
                    + " nor a local database file. Give --db a file path for the single-laptop database, or a "
                    + "postgresql:// address for the team database.");
        }
        String rest = given.toLowerCase(Locale.ROOT).startsWith("jdbc:") ? given.substring(5) : given;
        URI uri;
        try {
            uri = new URI(rest);
        } catch (URISyntaxException e) {
            throw bad(given, "\"" + given + "\" is not a valid PostgreSQL address: " + e.getReason()
                    + ". Expected postgresql://HOST:PORT/DBNAME?user=NAME.");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw bad(given, "The team database address \"" + given + "\" names no server. "
                    + "Expected postgresql://HOST:PORT/DBNAME?user=NAME.");
        }
        if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
            throw bad(given, passwordNotHere());
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw bad(given, "The port in \"" + given + "\" must be between 1 and 65535.");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isBlank() || database.contains("/")) {
            throw bad(given, "The team database address \"" + given + "\" names no database after the server "
                    + "(postgresql://" + host + ":" + port + "/DBNAME?user=NAME).");
        }
        String user = uri.getUserInfo();
        for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            switch (key) {
                case "user" -> user = value;
                case "password" -> throw bad(given, passwordNotHere());
                default -> throw bad(given, "The team database address \"" + given + "\" has the setting \"" + key
                        + "\", which War Room does not use. Only user=NAME is allowed after the \"?\".");
            }
        }
        if (user == null || user.isBlank()) {
            user = defaultUser;
        }
        return new TeamAddress(host, port, database, user);
    }

    private static String passwordNotHere() {
        return "A password does not belong in the database address (it would show in the process list and shell "
                + "history). Set " + PASSWORD_ENV + " or put it in ~/.pgpass.";
    }

    private static DatabaseOpenException bad(String given, String message) {
        return new DatabaseOpenException(DatabaseOpenException.Problem.BAD_ADDRESS, null, message, null);
    }

    /** "team database NAME on HOST:PORT as USER", for messages and the status line. */
    public String describe() {
        return "team database " + database + " on " + server() + " as " + user;
    }

    /** HOST:PORT. */
    public String server() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The address without secrets, as it can be shown and logged. */
    @Override
    public String toString() {
        return "postgresql://" + server() + "/" + database + "?user=" + user;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + server() + "/" + database;
    }

    /**
     * Connection properties: user, password (from {@code env} or {@code pgpass}), short connect and socket
     * time-outs so a server that has gone away is noticed within seconds, and the client's name for the server's
     * activity view.
     */
    Properties properties(Function<String, String> env, Path pgpass, String applicationName) {
        Properties p = new Properties();
        p.setProperty("user", user);
        password(env, pgpass).ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("connectTimeout", "2");
        p.setProperty("loginTimeout", "10");
        p.setProperty("socketTimeout", "10");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", applicationName);
        p.setProperty("assumeMinServerVersion", "13");
        return p;
    }

    /** The password from the environment, else from the first matching ~/.pgpass line. */
    Optional<String> password(Function<String, String> env, Path pgpass) {
        String fromEnv = env.apply(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        if (pgpass == null || !Files.isReadable(pgpass)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(pgpass, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> f = pgpassFields(line);
                if (f.size() == 5 && matches(f.get(0), host) && matches(f.get(1), Integer.toString(port))
                        && matches(f.get(2), database) && matches(f.get(3), user)) {
                    return Optional.of(f.get(4));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** hostname:port:database:username:password, with {@code \:} and {@code \\} escaped. */
    private static List<String> pgpassFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (ch == ':' && fields.size() < 4) {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        fields.add(cur.toString());
        return fields;
    }
}
