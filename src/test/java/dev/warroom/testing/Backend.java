package dev.warroom.testing;

import dev.warroom.store.Database;
import dev.warroom.store.TeamAddress;
import dev.warroom.store.TeamDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two databases War Room runs on, for store and service tests parameterised over both
 * ({@code @ParameterizedClass @EnumSource(Backend.class) @ExtendWith(PostgresExtension.class)}). The same test
 * body runs against an H2 file and against a database on the private PostgreSQL cluster.
 */
public enum Backend {
    H2 {
        @Override
        public Database open(Path dir, String name) {
            return Database.open(dir.resolve(name));
        }
    },
    POSTGRESQL {
        @Override
        public Database open(Path dir, String name) {
            PostgresCluster pg = PostgresExtension.cluster();
            String database = DATABASES.computeIfAbsent(dir.resolve(name).toAbsolutePath().toString(),
                    k -> PostgresExtension.newDatabase());
            TeamAddress address = new TeamAddress(pg.host(), pg.port(), database, PostgresCluster.SUPERUSER);
            return TeamDatabase.open(address, TeamDatabase.Options.of("test", "tool"));
        }
    };

    private static final Map<String, String> DATABASES = new ConcurrentHashMap<>();

    /**
     * Opens the database called {@code name} for this test: an H2 file in {@code dir}, or a PostgreSQL database
     * created on first use. Opening the same name again (in the same {@code dir}) reopens the same data.
     */
    public abstract Database open(Path dir, String name);
}
