package dev.warroom.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The H2 migrations this build carries, as Flyway records them once applied (version, description, type, script,
 * checksum), kept in {@code h2-migrations.tsv} next to this class. A database whose schema history holds exactly
 * these rows, every one successful, is current: Flyway's validation could only pass on it and would find nothing
 * pending or newer. {@link SchemaState} then skips Flyway, whose start (scanning the migrations, hundreds of
 * classes) is about half of opening the file. Any other history, however small the difference, goes through Flyway.
 * {@code SchemaManifestTest} fails when the file and the migrations Flyway resolves disagree.
 */
final class SchemaManifest {
    static final String RESOURCE = "h2-migrations.tsv";

    /** One applied migration as {@code flyway_schema_history} holds it. */
    record Entry(String version, String description, String type, String script, Integer checksum) {
        String line() {
            return String.join("\t", version, description, type, script, String.valueOf(checksum));
        }

        static Entry parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 5) {
                throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
            }
            return new Entry(f[0], f[1], f[2], f[3], "null".equals(f[4]) ? null : Integer.valueOf(f[4]));
        }
    }

    /** Flyway's order of versions: dotted numbers compared part by part ("1.10" after "1.9"). */
    static final Comparator<Entry> BY_VERSION = (x, y) -> compareVersions(x.version(), y.version());

    private static final List<Entry> H2 = load();

    private SchemaManifest() {
    }

    /** This build's H2 migrations, oldest first. */
    static List<Entry> h2() {
        return H2;
    }

    /** The newest schema version this build writes, as Flyway records it (e.g. "14"). */
    static String newest() {
        return H2.get(H2.size() - 1).version();
    }

    /**
     * True when the history on {@code ds} is exactly this build's migrations, all successful. False for anything
     * else, including a history that cannot be read: the caller then asks Flyway, which explains what is wrong.
     */
    static boolean matches(DataSource ds) {
        List<Entry> applied = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"description\", \"type\", \"script\", "
                     + "\"checksum\", \"success\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                int checksum = rs.getInt(5);
                Integer sum = rs.wasNull() ? null : checksum;
                if (rs.getString(1) == null && "TABLE".equals(rs.getString(3)) && rs.getBoolean(6)) {
                    continue; // Flyway's note that it created the history table, not a migration
                }
                if (!rs.getBoolean(6) || rs.getString(1) == null) {
                    return false;
                }
                applied.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), sum));
            }
        } catch (SQLException e) {
            return false;
        }
        return sameMigrations(applied, H2);
    }

    /** Same entries, compared in version order (the order Flyway applies them). */
    static boolean sameMigrations(List<Entry> applied, List<Entry> expected) {
        if (applied.size() != expected.size()) {
            return false;
        }
        List<Entry> a = applied.stream().sorted(BY_VERSION).toList();
        List<Entry> b = expected.stream().sorted(BY_VERSION).toList();
        for (int i = 0; i < a.size(); i++) {
            if (!Objects.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static int compareVersions(String x, String y) {
        String[] a = x.split("[._]");
        String[] b = y.split("[._]");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            BigInteger p = i < a.length ? number(a[i]) : BigInteger.ZERO;
            BigInteger q = i < b.length ? number(b[i]) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return x.compareTo(y);
    }

    private static BigInteger number(String part) {
        try {
            return new BigInteger(part);
        } catch (NumberFormatException e) {
            return BigInteger.valueOf(-1);
        }
    }

    private static List<Entry> load() {
        InputStream in = SchemaManifest.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the build");
        }
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.add(Entry.parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " lists no migration");
        }
        entries.sort(BY_VERSION);
        return List.copyOf(entries);
    }
}
