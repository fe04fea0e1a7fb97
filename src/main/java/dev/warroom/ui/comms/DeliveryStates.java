package dev.warroom.ui.comms;

import dev.warroom.crisis.comms.CommsService;
import dev.warroom.domain.outbox.DeliveryState;
import dev.warroom.domain.outbox.OutboxMessage;
import dev.warroom.ui.TaskRunner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The delivery state of each sent message, for the Comms log and the wall: read with the rest of the
 * comms status, and again every few seconds while something is still on its way (no reads otherwise).
 */
public final class DeliveryStates {
    /** The internal channel; everything else is a public message. */
    public static final String INTERNAL_CHANNEL = "war-room";
    private static final Duration RECHECK = Duration.ofSeconds(2);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final CommsService service;
    private final TaskRunner tasks;
    private final ZoneId zone;
    private final Function<String, String> channelLabel;
    private final ReadOnlyObjectWrapper<Map<Long, List<OutboxMessage>>> byMessage = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper undelivered = new ReadOnlyStringWrapper("");
    private Instant lastRead = Instant.EPOCH;
    private boolean reading;

    public DeliveryStates(CommsService service, TaskRunner tasks, ZoneId zone, Function<String, String> channelLabel) {
        this.service = service;
        this.tasks = tasks;
        this.zone = zone;
        this.channelLabel = channelLabel;
    }

    /** Comms message id → its deliveries (one per delivery channel). */
    public ReadOnlyObjectProperty<Map<Long, List<OutboxMessage>>> byMessageProperty() {
        return byMessage.getReadOnlyProperty();
    }

    /** "Not delivered yet: Status page to statuspage (retrying: HTTP 503)", or empty when all public messages went out. */
    public ReadOnlyStringProperty undeliveredProperty() {
        return undelivered.getReadOnlyProperty();
    }

    /** Takes a fresh read (done off the FX thread by the caller). */
    void show(Map<Long, List<OutboxMessage>> read, Instant now) {
        lastRead = now;
        byMessage.set(Map.copyOf(read));
        List<OutboxMessage> open = read.values().stream().flatMap(List::stream)
                .filter(m -> m.state() != DeliveryState.DELIVERED && !INTERNAL_CHANNEL.equals(m.channel())).toList();
        if (open.isEmpty()) {
            undelivered.set("");
            return;
        }
        StringBuilder sb = new StringBuilder("Not delivered yet: ");
        for (int i = 0; i < open.size() && i < 3; i++) {
            OutboxMessage m = open.get(i);
            sb.append(i == 0 ? "" : "; ").append(channelLabel.apply(m.channel())).append(" to ").append(m.target())
                    .append(" (").append(describe(m)).append(')');
        }
        if (open.size() > 3) {
            sb.append("; and ").append(open.size() - 3).append(" more");
        }
        undelivered.set(sb.toString());
    }

    /** Reads again when a delivery is still pending and the last read is a few seconds old. */
    void tick(Instant now) {
        boolean pending = byMessage.get().values().stream().flatMap(List::stream).anyMatch(m -> m.state().pending());
        if (!pending || reading || Duration.between(lastRead, now).compareTo(RECHECK) < 0) {
            return;
        }
        reading = true;
        tasks.run(service::deliveries, read -> {
            reading = false;
            show(read, now);
        }, e -> reading = false);
    }

    /** One delivery in words: "delivered 14:32", "queued", "retrying: HTTP 503", "failed: HTTP 404 …". */
    public String describe(OutboxMessage m) {
        return switch (m.state()) {
            case DELIVERED -> "delivered " + (m.deliveredAt() == null ? "" : HH_MM.format(m.deliveredAt().atZone(zone)));
            case QUEUED -> m.attempts() == 0 ? "queued" : "retrying: " + m.lastError();
            case DELIVERING -> "delivering";
            case FAILED -> "failed: " + m.lastError();
        };
    }
}
