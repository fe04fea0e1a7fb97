package dev.warroom.connect.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.crisis.outbox.Outbox;
import dev.warroom.domain.outbox.OutboxMessage;
import dev.warroom.domain.outbox.PublicStatus;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The Statuspage REST API (v1): the crisis's first public message creates the incident
 * ({@code POST /v1/pages/{page}/incidents}), later ones update it ({@code PATCH …/incidents/{id}}) with
 * the matching status. Each request tags the incident's metadata with the message's key. The API has no
 * idempotency key, so after an attempt that may have arrived (a timeout, or the app stopped mid-request)
 * War Room reads the incident back first and does not send again when the tag shows it landed: each
 * message is applied once.
 */
final class StatuspageChannel implements DeliveryChannel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpCall http;
    private final String base;
    private final String pageId;
    private final String tokenEnv;
    private final String token;

    StatuspageChannel(HttpCall http, String base, String pageId, String tokenEnv, String token) {
        this.http = http;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.pageId = pageId;
        this.tokenEnv = tokenEnv;
        this.token = token;
    }

    @Override
    public Delivery deliver(Outbox.Claim claim) {
        if (token == null || token.isBlank()) {
            return new Delivery.Failed("the environment variable " + tokenEnv + " with the Statuspage API key is not set");
        }
        OutboxMessage m = claim.message();
        Map<String, String> auth = Map.of("Authorization", "OAuth " + token.strip());
        String incidents = base + "/v1/pages/" + pageId + "/incidents";
        Optional<String> incident = claim.incidentId();
        if (claim.uncertain()) {
            Optional<Delivery> landed = incident.isPresent()
                    ? checkUpdate(URI.create(incidents + "/" + incident.get()), auth, m)
                    : checkCreate(URI.create(incidents), auth, m);
            if (landed.isPresent()) {
                return landed.get();
            }
        }
        PublicStatus status = m.publicStatus() == null ? PublicStatus.INVESTIGATING : m.publicStatus();
        ObjectNode body = JSON.createObjectNode();
        ObjectNode inc = body.putObject("incident");
        if (incident.isEmpty()) {
            inc.put("name", m.crisisName());
        }
        inc.put("status", status.apiValue()).put("body", m.text());
        inc.putObject("metadata").putObject("warroom").put("message", m.idempotencyKey());
        if (incident.isEmpty()) {
            HttpCall.Answer a = http.send("POST", URI.create(incidents), auth, body.toString());
            if (!a.ok()) {
                return a.outcome();
            }
            String id = field(a.body(), "id");
            if (id == null) {
                return new Delivery.Failed("Statuspage created the incident but its answer had no id");
            }
            return new Delivery.Delivered("incident " + id + " created (" + status.apiValue() + ")", id);
        }
        HttpCall.Answer a = http.send("PATCH", URI.create(incidents + "/" + incident.get()), auth, body.toString());
        return a.ok() ? new Delivery.Delivered("incident " + incident.get() + " updated (" + status.apiValue() + ")",
                null) : a.outcome();
    }

    /** After an uncertain attempt to create: is there an incident tagged with this message? */
    private Optional<Delivery> checkCreate(URI incidents, Map<String, String> auth, OutboxMessage m) {
        HttpCall.Answer a = http.send("GET", incidents, auth, null);
        if (!a.ok()) {
            return Optional.of(a.outcome());
        }
        try {
            for (JsonNode inc : JSON.readTree(a.body())) {
                if (m.idempotencyKey().equals(inc.path("metadata").path("warroom").path("message").asText())) {
                    String id = inc.path("id").asText();
                    return Optional.of(new Delivery.Delivered("incident " + id + " had already been created", id));
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(new Delivery.Retry("Statuspage's incident list could not be read", null, false));
        }
    }

    /** After an uncertain attempt to update: does the incident carry this message's tag? */
    private Optional<Delivery> checkUpdate(URI incident, Map<String, String> auth, OutboxMessage m) {
        HttpCall.Answer a = http.send("GET", incident, auth, null);
        if (!a.ok()) {
            return Optional.of(a.outcome());
        }
        try {
            JsonNode inc = JSON.readTree(a.body());
            if (m.idempotencyKey().equals(inc.path("metadata").path("warroom").path("message").asText())) {
                return Optional.of(new Delivery.Delivered("update had already been applied", null));
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(new Delivery.Retry("Statuspage's incident could not be read", null, false));
        }
    }

    private static String field(String json, String name) {
        try {
            JsonNode n = JSON.readTree(json).path(name);
            return n.isMissingNode() || n.isNull() ? null : n.asText();
        } catch (Exception e) {
            return null;
        }
    }
}
