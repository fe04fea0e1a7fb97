package dev.warroom.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * Keeps an H2 file near its live size while the recorder appends to it.
 *
 * <p>H2 writes every commit as a new chunk at a free place in the file. With {@code WRITE_DELAY=0} (needed
 * for durability) H2's own background maintenance is off, and each 2-second sample batch leaves a chunk
 * that stays partly live for good (a finished index leaf, a rollup page), so no chunk is ever wholly free
 * and the file grew about 25 times faster than the data. One {@link #step} rewrites the live pages of the
 * sparsest chunks, at most {@code writeBytes} of them, into a new dense chunk; the old chunks then hold
 * nothing live, and H2 reuses their space for later commits once its retention time has passed. Small
 * steps often keep each pause short.
 *
 * <p>Uses H2's engine classes (the public {@code MVStore} API, reached through the session): H2 offers no
 * SQL for an online compaction. On any other database this does nothing.
 */
final class StoreCompaction {
    /** Chunks are rewritten until live pages fill at least this share of them (H2's own default). */
    static final int TARGET_FILL_PERCENT = 90;
    /** At most this much live data is rewritten per step. */
    static final int STEP_BYTES = 4 * 1024 * 1024;

    private StoreCompaction() {
    }

    /** One compaction step; returns the share of live data in the file's chunks afterwards (percent), or -1. */
    static int step(Connection c, int writeBytes) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            return -1;
        }
        MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                .getMvStore();
        store.compact(TARGET_FILL_PERCENT, writeBytes);
        if (store.getFileStore() instanceof RandomAccessStore file) {
            file.compactMoveChunks(101, writeBytes, store);
        }
        return store.getFillRate();
    }
}
