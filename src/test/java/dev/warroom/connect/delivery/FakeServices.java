package dev.warroom.connect.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Loopback stand-ins for Slack (incoming webhook at /slack), Statuspage (REST v1 under /v1/pages/…)
 * and a generic webhook that keeps the Idempotency-Keys it has seen (/hook). Each write request takes
 * the next scripted {@link Fault}; they can go offline and come back on the same port.
 */
final class FakeServices implements AutoCloseable {
    static final String PAGE = "page1";
    static final String KEY = "sp-key";

    enum Fault {
        /** Answer normally. */
        NONE,
        /** 500 without applying. */
        ERROR,
        /** 429 with Retry-After: 1, without applying. */
        RATE_LIMIT,
        /** Apply, then answer only after the client has given up (2 s). */
        STALL
    }

    record Request(long atNanos, String service, String method, String key, int status) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-services");
        t.setDaemon(true);
        return t;
    });
    private final int port;
    private HttpServer server;

    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    /** Slack: every text posted, repeats included. */
    final List<String> slackTexts = Collections.synchronizedList(new ArrayList<>());
    /** Webhook: key → how many times it was applied (a kept key is applied once). */
    final Map<String, Integer> hookApplied = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Statuspage: incident id → incident; message key → times applied. */
    final Map<String, ObjectNode> incidents = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, Integer> statuspageApplied = Collections.synchronizedMap(new HashMap<>());
    /** Called after a write was applied and before it is answered (the kill -9 test kills the client here). */
    volatile Consumer<String> afterApply = key -> { };

    FakeServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        port = server.getAddress().getPort();
        serve();
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    void script(Fault... next) {
        faults.addAll(List.of(next));
    }

    /** Stops answering (connections refused) until {@link #comeBack()}. */
    synchronized void goOffline() {
        server.stop(0);
    }

    synchronized void comeBack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        serve();
    }

    private void serve() {
        server.setExecutor(threads);
        server.createContext("/slack", ex -> handle(ex, "slack"));
        server.createContext("/hook", ex -> handle(ex, "hook"));
        server.createContext("/v1/pages/", ex -> handle(ex, "statuspage"));
        server.start();
    }

    private void handle(HttpExchange ex, String service) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            byte[] body = ex.getRequestBody().readAllBytes();
            if (service.equals("statuspage") && !("OAuth " + KEY).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                reply(ex, service, method, null, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            if (method.equals("GET")) {
                reply(ex, service, method, null, 200, statuspageRead(ex.getRequestURI().getPath()));
                return;
            }
            Fault fault = faults.poll();
            fault = fault == null ? Fault.NONE : fault;
            JsonNode json = JSON.readTree(body);
            String key = service.equals("hook") ? ex.getRequestHeaders().getFirst("Idempotency-Key")
                    : service.equals("slack") ? json.path("text").asText()
                    : json.path("incident").path("metadata").path("warroom").path("message").asText();
            if (fault == Fault.ERROR) {
                reply(ex, service, method, key, 500, "{\"error\":\"internal\"}");
                return;
            }
            if (fault == Fault.RATE_LIMIT) {
                ex.getResponseHeaders().set("Retry-After", "1");
                reply(ex, service, method, key, 429, "{\"error\":\"slow down\"}");
                return;
            }
            String answer = apply(service, method, ex.getRequestURI().getPath(), key, json);
            if (answer == null) {
                reply(ex, service, method, key, 404, "{\"error\":\"no such incident\"}");
                return;
            }
            afterApply.accept(key);
            if (fault == Fault.STALL) {
                try {
                    Thread.sleep(Duration.ofSeconds(2).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            reply(ex, service, method, key, service.equals("statuspage") && method.equals("POST") ? 201 : 200, answer);
        }
    }

    private synchronized String apply(String service, String method, String path, String key, JsonNode json) {
        switch (service) {
            case "slack" -> {
                slackTexts.add(key);
                return "ok";
            }
            case "hook" -> {
                hookApplied.putIfAbsent(key, 1); // a kept key is applied once, repeats are acknowledged
                return "{\"ok\":true}";
            }
            default -> {
                JsonNode in = json.path("incident");
                if (method.equals("POST")) {
                    String id = "inc" + (incidents.size() + 1);
                    ObjectNode inc = JSON.createObjectNode().put("id", id).put("name", in.path("name").asText())
                            .put("status", in.path("status").asText());
                    inc.set("metadata", in.path("metadata"));
                    inc.putArray("incident_updates").addObject().put("status", in.path("status").asText())
                            .put("body", in.path("body").asText());
                    incidents.put(id, inc);
                    statuspageApplied.merge(key, 1, Integer::sum);
                    return inc.toString();
                }
                String id = path.substring(path.lastIndexOf('/') + 1);
                ObjectNode inc = incidents.get(id);
                if (inc == null) {
                    return null;
                }
                inc.put("status", in.path("status").asText());
                inc.set("metadata", in.path("metadata"));
                ((ArrayNode) inc.get("incident_updates")).addObject().put("status", in.path("status").asText())
                        .put("body", in.path("body").asText());
                statuspageApplied.merge(key, 1, Integer::sum);
                return inc.toString();
            }
        }
    }

    private synchronized String statuspageRead(String path) {
        if (path.endsWith("/incidents")) {
            ArrayNode list = JSON.createArrayNode();
            incidents.values().forEach(list::add);
            return list.toString();
        }
        ObjectNode inc = incidents.get(path.substring(path.lastIndexOf('/') + 1));
        return inc == null ? "{}" : inc.toString();
    }

    private void reply(HttpExchange ex, String service, String method, String key, int status, String body)
            throws IOException {
        requests.add(new Request(System.nanoTime(), service, method, key, status));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        try {
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // the client timed out or was killed: the write stays applied, as on a real service
        }
    }

    @Override
    public synchronized void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
