package dev.warroom.domain.outbox;

/** Where a message is on its way out. Names are stored in the database: add, never rename. */
public enum DeliveryState {
    /** Waiting for its turn or for the next retry. */
    QUEUED,
    /** An attempt is under way (or was, when the app stopped in the middle of it). */
    DELIVERING,
    /** The service acknowledged it. */
    DELIVERED,
    /** The service refused it for good (wrong address, key or page); a person may retry it. */
    FAILED;

    public String label() {
        return switch (this) {
            case QUEUED -> "queued";
            case DELIVERING -> "delivering";
            case DELIVERED -> "delivered";
            case FAILED -> "failed";
        };
    }

    /** True while the message has not reached its service and is still being tried. */
    public boolean pending() {
        return this == QUEUED || this == DELIVERING;
    }
}
