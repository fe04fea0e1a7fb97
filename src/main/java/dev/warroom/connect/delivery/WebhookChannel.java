package dev.warroom.connect.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.crisis.outbox.Outbox;
import dev.warroom.domain.outbox.OutboxMessage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generic JSON webhook: POST {"id", "crisis", "channel", "status", "text", "sentAt"} with an
 * {@code Idempotency-Key} header that is the same on every attempt of one message. A receiver that keeps
 * the keys it has seen gets each message exactly once; one that ignores them, at least once.
 */
final class WebhookChannel implements DeliveryChannel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpCall http;
    private final String address;
    private final String token;

    WebhookChannel(HttpCall http, String address, String token) {
        this.http = http;
        this.address = address;
        this.token = token;
    }

    @Override
    public Delivery deliver(Outbox.Claim claim) {
        if (address == null || address.isBlank()) {
            return new Delivery.Failed("the webhook address is not set");
        }
        OutboxMessage m = claim.message();
        ObjectNode body = JSON.createObjectNode().put("id", m.idempotencyKey()).put("crisis", m.crisisName())
                .put("channel", m.channel()).put("text", m.text()).put("sentAt", m.createdAt().toString());
        if (m.publicStatus() != null) {
            body.put("status", m.publicStatus().apiValue());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", m.idempotencyKey());
        if (token != null && !token.isBlank()) {
            headers.put("Authorization", "Bearer " + token.strip());
        }
        HttpCall.Answer a = http.send("POST", URI.create(address), headers, body.toString());
        return a.ok() ? new Delivery.Delivered("webhook answered " + a.status(), null) : a.outcome();
    }
}
