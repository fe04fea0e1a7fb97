package dev.warroom.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for tests: {@code initdb} into a temporary folder, {@code pg_ctl start} on a
 * free loopback port, removed again by {@link #close()}. PostgreSQL refuses to run as root, so when the tests
 * run as root its programs run as the {@code postgres} user the Debian package creates.
 *
 * <p>The superuser {@value #SUPERUSER} logs in without a password from 127.0.0.1; every other role needs its
 * password (scram-sha-256), so tests can check what a wrong password does.
 */
public final class PostgresCluster implements AutoCloseable {
    public static final String SUPERUSER = "warroom";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresCluster(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The folder with {@code initdb} and {@code pg_ctl}, or why there is none. */
    public static Optional<Path> binaries() {
        String fromEnv = System.getenv("WARROOM_PG_BIN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = Path.of(fromEnv);
            return Files.isExecutable(p.resolve("initdb")) ? Optional.of(p) : Optional.empty();
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** initdb + start on a free port; throws with PostgreSQL's own output when either fails. */
    public static PostgresCluster start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("warroom-pg-");
        PostgresCluster cluster = new PostgresCluster(bin, dir, freePort(), root);
        try {
            if (root) {
                run(List.of("chown", "postgres", dir.toString()), dir.resolve("chown.out"));
            }
            cluster.pg(List.of(bin.resolve("initdb").toString(), "-D", cluster.data().toString(), "-A", "trust",
                    "-U", SUPERUSER, "-E", "UTF8", "--no-sync"), "initdb.out");
            Path hba = cluster.data().resolve("pg_hba.conf");
            String rules = "local all all trust\n"
                    + "host all " + SUPERUSER + " 127.0.0.1/32 trust\n"
                    + "host all all 127.0.0.1/32 scram-sha-256\n";
            cluster.asOwner(List.of("sh", "-c", "printf '%s' \"$0\" > \"$1\"", rules, hba.toString()), "hba.out");
            cluster.pgCtl("start");
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    /** A JDBC URL for {@code database} as the superuser. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database + "?user=" + SUPERUSER;
    }

    /** Connects to {@code database} as the superuser (for setting up and inspecting what tests need). */
    public Connection admin(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database));
    }

    /** Runs statements on the {@code postgres} database as the superuser (CREATE DATABASE, roles). */
    public void sql(String... statements) {
        try (Connection c = admin("postgres"); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + String.join("; ", statements) + ": "
                    + e.getMessage(), e);
        }
    }

    public void createDatabase(String name) {
        sql("CREATE DATABASE " + name);
    }

    public void dropDatabase(String name) {
        sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** {@code pg_ctl restart}: every client connection is cut, the data stays. */
    public void restart() throws IOException, InterruptedException {
        pgCtl("restart");
    }

    /** {@code pg_ctl stop -m fast}: the server goes away until {@link #startAgain()}. */
    public void stop() throws IOException, InterruptedException {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"),
                "pg_ctl-stop.out");
    }

    public void startAgain() throws IOException, InterruptedException {
        pgCtl("start");
    }

    private void pgCtl(String action) throws IOException, InterruptedException {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                "-l", dir.resolve("log").toString(), "-w", "-t", "60", action), "pg_ctl-" + action + ".out");
    }

    private void pg(List<String> command, String outName) throws IOException, InterruptedException {
        asOwner(command, outName);
    }

    private void asOwner(List<String> command, String outName) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        run(cmd, dir.resolve(outName));
    }

    private static void run(List<String> cmd, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish within 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "):\n"
                    + Files.readString(out, StandardCharsets.UTF_8));
        }
    }

    /** Stops the server (immediately: the data is thrown away) and deletes the folder. */
    @Override
    public void close() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w",
                        "stop"), "pg_ctl-close.out");
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("PostgresCluster: could not stop the test server in " + dir + ": " + e.getMessage());
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: the folder is in the temp area
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }
}
