package dev.warroom.connect.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.crisis.outbox.Outbox;
import java.net.URI;
import java.util.Map;

/**
 * A Slack incoming webhook: POST {"text": ...} to the address kept in an environment variable. Slack
 * offers no idempotency for incoming webhooks, so delivery is at least once: a message whose attempt was
 * cut off after Slack received it is posted again.
 */
final class SlackChannel implements DeliveryChannel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpCall http;
    private final String urlEnv;
    private final String address;

    SlackChannel(HttpCall http, String urlEnv, String address) {
        this.http = http;
        this.urlEnv = urlEnv;
        this.address = address;
    }

    @Override
    public Delivery deliver(Outbox.Claim claim) {
        if (address == null || address.isBlank()) {
            return new Delivery.Failed("the environment variable " + urlEnv + " with the Slack webhook address is not set");
        }
        HttpCall.Answer a = http.send("POST", URI.create(address), Map.of(),
                JSON.createObjectNode().put("text", claim.message().text()).toString());
        return a.ok() ? new Delivery.Delivered("Slack answered " + a.status(), null) : a.outcome();
    }
}
