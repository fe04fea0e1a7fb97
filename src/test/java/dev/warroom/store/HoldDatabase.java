package dev.warroom.store;

import java.nio.file.Path;

/**
 * Child-JVM main for the lock test: opens the database as another War Room window would, says READY,
 * and keeps it open until its stdin closes.
 */
public final class HoldDatabase {
    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(Path.of(args[0]))) {
            db.read(Tx::cards);
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to let go
            }
        }
    }
}
