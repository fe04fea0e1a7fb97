package dev.warroom.connect.delivery;

import java.time.Duration;

/** How one attempt ended. */
public sealed interface Delivery {

    /** The service acknowledged the message; {@code incidentId} when a Statuspage incident was created. */
    record Delivered(String detail, String incidentId) implements Delivery {
    }

    /**
     * Not through this time (offline, 429, 5xx, timeout); {@code retryAfter} is what the service asked, or
     * null. {@code mayHaveArrived} when the request left and no answer came back (a timeout, a dropped
     * connection): the service may still apply it.
     */
    record Retry(String reason, Duration retryAfter, boolean mayHaveArrived) implements Delivery {
    }

    /** Refused for good (wrong address, key or page, or a secret not set); needs a person. */
    record Failed(String reason) implements Delivery {
    }
}
