package dev.warroom.crisis.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.domain.EventKind;
import dev.warroom.domain.alert.AlertCardLink;
import dev.warroom.domain.alert.AlertNotification;
import dev.warroom.domain.alert.ReceivedAlert;
import dev.warroom.store.Database;
import dev.warroom.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit in the intake: batches on one writer, acknowledged only after the commit, exact dedup. */
class AlertIntakeTest {
    @TempDir
    Path dir;
    Database db;
    ExecutorService writer;
    AlertIntake intake;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("intake"));
        writer = Executors.newSingleThreadExecutor();
        intake = new AlertIntake(db, new MutableClock(Instant.parse("2026-12-01T14:30:00Z")), ZoneOffset.UTC, writer);
    }

    @AfterEach
    void close() throws InterruptedException {
        writer.shutdown();
        assertTrue(writer.awaitTermination(30, TimeUnit.SECONDS));
        db.close();
    }

    static AlertNotification firing(String name) {
        Map<String, String> labels = Map.of("alertname", name, "severity", "critical");
        Map<String, String> annotations = Map.of("summary", name + " is failing");
        return new AlertNotification("Alertmanager", "{}:{alertname=\"" + name + "\"}", true, labels, annotations, "",
                List.of(new ReceivedAlert(true, labels, annotations, null, "", name + "-fp")));
    }

    @Test
    void manyConcurrentSendersOfOneNewGroupMakeExactlyOneCardAndCountEveryNotification() throws Exception {
        int senders = 16;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CyclicBarrier together = new CyclicBarrier(senders);
        List<Future<List<AlertIntake.Outcome>>> sent = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            sent.add(pool.submit(() -> {
                together.await();
                List<CompletableFuture<AlertIntake.Outcome>> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(intake.submit(firing("CheckoutDown")));
                }
                List<AlertIntake.Outcome> outcomes = new ArrayList<>();
                for (CompletableFuture<AlertIntake.Outcome> f : mine) {
                    outcomes.add(f.get(60, TimeUnit.SECONDS));
                }
                return outcomes;
            }));
        }
        List<AlertIntake.Outcome> all = new ArrayList<>();
        for (Future<List<AlertIntake.Outcome>> f : sent) {
            all.addAll(f.get(90, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(1, db.read(tx -> tx.cards()).size(), "one group, one card, however many senders at once");
        assertEquals(1, all.stream().filter(AlertIntake.Outcome::created).count(), "exactly one notification created it");
        assertEquals(1, all.stream().mapToLong(AlertIntake.Outcome::cardId).distinct().count());
        List<AlertCardLink> links = db.read(tx -> tx.alertCards());
        assertEquals(1, links.size());
        assertEquals(senders * each, links.get(0).timesSeen(), "every notification is counted once");
        assertEquals(senders * each, db.read(tx -> tx.latestEvents(10_000)).stream()
                .filter(e -> e.kind() == EventKind.ALERT_RECEIVED).count(), "every alert is a timeline event");
        assertTrue(intake.batchesWritten() < senders * each,
                "notifications that arrive together share a transaction (" + intake.batchesWritten() + " written)");
    }

    @Test
    void notificationsWaitingForTheWriterShareOneCommitAndNoneIsAcknowledgedBeforeIt() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        writer.execute(() -> {
            writerBusy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(writerBusy.await(10, TimeUnit.SECONDS));
        List<CompletableFuture<AlertIntake.Outcome>> waiting = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            waiting.add(intake.submit(firing("Group" + (i % 3))));
        }
        assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone), "nothing is acknowledged before the commit");
        assertEquals(0, db.read(tx -> tx.cards()).size());

        release.countDown();
        for (CompletableFuture<AlertIntake.Outcome> f : waiting) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertEquals(1, intake.batchesWritten(), "everything that waited went in one transaction");
        assertEquals(3, db.read(tx -> tx.cards()).size());
        assertEquals(List.of(20, 20, 20), db.read(tx -> tx.alertCards()).stream().map(AlertCardLink::timesSeen).toList());
        assertEquals(List.of(true, true, true, false, false), List.of(waiting.get(0).join().created(),
                waiting.get(1).join().created(), waiting.get(2).join().created(), waiting.get(3).join().created(),
                waiting.get(59).join().created()), "the first of each group made its card, the repeats counted");
        assertEquals(20, waiting.get(59).join().timesSeen(), "outcomes follow arrival order inside the batch");
    }

    @Test
    void firingResolvedAndFiringAgainInOneBatchAreAppliedInOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        writer.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AlertNotification up = firing("DiskFull");
        AlertNotification down = new AlertNotification(up.source(), up.groupKey(), false, up.commonLabels(),
                up.commonAnnotations(), "", List.of(new ReceivedAlert(false, up.commonLabels(), up.commonAnnotations(),
                null, "", "DiskFull-fp")));
        List<CompletableFuture<AlertIntake.Outcome>> order = List.of(intake.submit(up), intake.submit(up),
                intake.submit(down), intake.submit(up));
        release.countDown();
        for (CompletableFuture<AlertIntake.Outcome> f : order) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertEquals(1, intake.batchesWritten());
        assertEquals(List.of(1, 2, 3, 4), order.stream().map(f -> f.join().timesSeen()).toList());
        assertTrue(order.get(2).join().resolved());
        AlertCardLink link = db.read(tx -> tx.alertCards()).get(0);
        assertEquals(4, link.timesSeen());
        assertTrue(link.firing(), "the last word of the batch was firing");
        var card = db.read(tx -> tx.cards()).get(0);
        assertTrue(card.description().contains("✓ resolved 14:30 by Alertmanager"), card.description());
        assertTrue(card.description().endsWith("Firing again (2026-12-01T14:30:00Z)"), card.description());
        assertEquals(1, db.read(tx -> tx.latestEvents(100)).stream()
                .filter(e -> e.kind() == EventKind.ALERT_RESOLVED).count());
    }

    @Test
    void aClosedWriterFailsTheNotificationInsteadOfLosingItSilently() {
        writer.shutdown();
        CompletableFuture<AlertIntake.Outcome> refused = intake.submit(firing("Late"));
        assertTrue(refused.isCompletedExceptionally());
        assertFalse(db.read(tx -> tx.cards()).size() > 0);
    }
}
