package dev.warroom.connect.delivery;

import dev.warroom.crisis.outbox.Outbox;
import dev.warroom.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The crash victim of {@link CourierKillTest}: opens the database, delivers to the fakes, prints READY,
 * then "DONE" once nothing is pending. Killed with SIGKILL at any moment.
 */
public final class CourierChild {
    private CourierChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dbPath = Path.of(args[0]);
        String base = args[1];
        try (Database db = Database.open(dbPath)) {
            var settings = CourierKillTest.channels(base);
            try (Courier courier = Courier.start(new Outbox(db, Clock.systemUTC(), CourierKillTest.SETTLE), Clock.systemUTC(), settings,
                    Map.of("SP_KEY", FakeServices.KEY)::get)) {
                System.out.println("READY");
                System.out.flush();
                while (true) {
                    boolean pending = db.read(tx -> !tx.pendingOutbox().isEmpty());
                    if (!pending) {
                        System.out.println("DONE");
                        System.out.flush();
                        System.in.read(); // the parent closes stdin to end us
                        return;
                    }
                    courier.wake();
                    Thread.sleep(20);
                }
            }
        }
    }
}
