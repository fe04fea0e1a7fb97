package dev.warroom.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * What an existing database's schema is, read through a read-only connection before anything is written:
 * War Room's and current, War Room's and older ({@link #pending()}), or War Room's and newer
 * ({@link #newerReason()}). Anything else is refused with {@link DatabaseOpenException}.
 *
 * @param current the newest schema version applied, e.g. "3"
 */
record SchemaState(String current, boolean pending, String newerReason) {
    private static final String HISTORY = "flyway_schema_history";

    static SchemaState of(DataSource readOnly, Path file) {
        List<String> tables = tables(readOnly, file);
        if (!tables.contains(HISTORY)) {
            if (tables.isEmpty()) {
                throw notOurs(file, "it is an H2 database with no tables at all");
            }
            throw notOurs(file, "it holds other tables (" + String.join(", ", tables.subList(0,
                    Math.min(5, tables.size()))) + (tables.size() > 5 ? ", …" : "") + ")");
        }
        if (SchemaManifest.matches(readOnly)) {
            return new SchemaState(SchemaManifest.newest(), false, null);
        }
        Flyway flyway = Flyway.configure().dataSource(readOnly).locations(Dialect.H2.migrations())
                .ignoreMigrationPatterns("*:future", "*:pending").load();
        MigrationInfoService info;
        ValidateResult validation;
        try {
            info = flyway.info();
            validation = flyway.validateWithResult();
        } catch (RuntimeException e) {
            throw damagedOrForeign(file, e);
        }
        if (!validation.validationSuccessful) {
            String detail = validation.invalidMigrations == null || validation.invalidMigrations.isEmpty() ? ""
                    : " (version " + validation.invalidMigrations.get(0).version + ": "
                    + validation.invalidMigrations.get(0).description + ")";
            throw notOurs(file, "its schema history was written by another program" + detail);
        }
        List<MigrationInfo> future = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
                .toList();
        boolean pending = info.pending().length > 0;
        String known = Arrays.stream(info.all())
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .max(Comparator.comparing(MigrationInfo::getVersion))
                .map(m -> m.getVersion().getVersion()).orElse("none");
        String current = Arrays.stream(info.applied())
                .filter(m -> m.getVersion() != null)
                .max(Comparator.comparing(MigrationInfo::getVersion))
                .map(m -> m.getVersion().getVersion()).orElse("none");
        if (!future.isEmpty()) {
            if (pending || "none".equals(known)) {
                throw notOurs(file, "its schema history has versions War Room never wrote ("
                        + future.stream().map(m -> m.getVersion().getVersion()).collect(Collectors.joining(", "))
                        + ") but lacks some that War Room always writes");
            }
            return new SchemaState(current, false, "it was written by a newer War Room (schema " + current
                    + ", this version knows up to " + known + "). Update War Room to change it.");
        }
        return new SchemaState(current, pending, null);
    }

    private static List<String> tables(DataSource ds, Path file) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = 'PUBLIC' ORDER BY table_name")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw damagedOrForeign(file, e);
        }
    }

    private static DatabaseOpenException notOurs(Path file, String why) {
        return new DatabaseOpenException(DatabaseOpenException.Problem.NOT_A_DATABASE, file,
                file + " is not a War Room database: " + why + ". Nothing was changed. Pick another file with --db.",
                null);
    }

    private static DatabaseOpenException damagedOrForeign(Path file, Exception e) {
        return StoreFile.damaged(file, "reading its tables failed (" + StoreFile.firstLine(Database.rootCause(e)) + ")");
    }
}
