package dev.warroom.connect.delivery;

import dev.warroom.crisis.outbox.Outbox;

/** One configured place messages go to. Implementations do HTTP only; the courier records the outcome. */
public interface DeliveryChannel {

    /**
     * Tries to deliver {@code claim}'s message once. When {@code claim.uncertain()} an earlier attempt may
     * have reached the service; a channel that can find out checks before sending again.
     */
    Delivery deliver(Outbox.Claim claim);
}
