package dev.warroom.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/** A real HTTP server on 127.0.0.1 with a free port, answering as each test tells it to. */
final class LoopbackServer implements AutoCloseable {

    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch released = new CountDownLatch(1);
    volatile String lastQuery;
    volatile String lastAuthorization;

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.start();
    }

    void on(String path, Answer answer) {
        server.createContext(path, exchange -> {
            lastQuery = exchange.getRequestURI().getRawQuery();
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            try {
                answer.answer(exchange);
            } finally {
                exchange.close();
            }
        });
    }

    void json(String path, int status, String body) {
        send(path, status, "application/json", body);
    }

    void send(String path, int status, String contentType, String body) {
        on(path, exchange -> reply(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Accepts the request and never answers until the test ends. */
    void hang(String path) {
        on(path, exchange -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
