package dev.warroom.connect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warroom.config.ReceiverSettings;
import dev.warroom.crisis.alerts.AlertIntake;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The optional alert receiver: a small HTTP server (JDK {@code com.sun.net.httpserver}) that accepts
 * Alertmanager's webhook on {@code POST /api/v1/alerts/alertmanager} and a generic JSON alert on
 * {@code POST /api/v1/alerts}, each with a bearer token. A refused request changes nothing and gets a
 * 4xx with the reason as text. Worker threads check and parse each request and hand the notification
 * to the {@link AlertIntake}, which records what arrives together in one transaction; a request is
 * answered 200 only after its transaction committed. The owner closes it ({@link #close()}), which stops
 * its threads.
 */
public final class AlertReceiver implements AutoCloseable {
    public static final String ALERTMANAGER_PATH = "/api/v1/alerts/alertmanager";
    public static final String GENERIC_PATH = "/api/v1/alerts";
    public static final int MAX_BODY = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(AlertReceiver.class.getName());

    static {
        // The JDK server sends an answer's headers and body as two TCP segments. With Nagle's algorithm on the
        // accepted socket the body waits for the sender's delayed ACK (40 ms on Linux) on every request of a
        // kept-alive connection, as Alertmanager's are. The server reads this switch once, when its classes
        // load, which is after this class loads: the receiver is the app's only HTTP server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;

    private AlertReceiver(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Why the receiver is not running, for the person who configured it. */
    public static final class StartException extends Exception {
        public StartException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Starts the receiver on the configured address. {@code env} looks up environment variables (the
     * token). Fails with a plain message when the port is taken, the address is wrong or the token is
     * not set; the app then runs on without it.
     */
    public static AlertReceiver start(ReceiverSettings settings, AlertIntake intake, UnaryOperator<String> env)
            throws StartException {
        String token = env.apply(settings.tokenVariable());
        if (token == null || token.isBlank()) {
            throw new StartException("The alert receiver is not running: the environment variable "
                    + settings.tokenVariable() + " that holds its bearer token is not set.", null);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.portNumber()), 256);
        } catch (BindException e) {
            throw new StartException("The alert receiver is not running: port " + settings.portNumber() + " on "
                    + settings.bindAddress() + " is already in use (" + e.getMessage() + "). Change receiver.port "
                    + "in the configuration, or stop what holds the port.", e);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            throw new StartException("The alert receiver is not running: cannot listen on "
                    + settings.bindAddress() + ":" + settings.portNumber() + " (" + e.getMessage() + ").", e);
        }
        byte[] expected = ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "alert-receiver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext(ALERTMANAGER_PATH, ex -> handle(ex, ALERTMANAGER_PATH, expected,
                body -> intake.submit(AlertPayloads.alertmanager(body)), workers));
        server.createContext(GENERIC_PATH, ex -> handle(ex, GENERIC_PATH, expected,
                body -> intake.submit(AlertPayloads.generic(body)), workers));
        server.start();
        return new AlertReceiver(server, workers);
    }

    /** The port actually listened on (useful when the configuration asked for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Checks and parses a request on a worker thread, then hands the notification to the intake and
     * returns: the answer is written by a worker once the intake's batch has committed (never before), so
     * no thread sits waiting for the database while other requests arrive.
     */
    private static void handle(HttpExchange ex, String path, byte[] expectedAuth,
                               Function<byte[], CompletableFuture<AlertIntake.Outcome>> accept,
                               Executor responders) throws IOException {
        CompletableFuture<AlertIntake.Outcome> recorded;
        try {
            if (!ex.getRequestURI().getPath().equals(path)) {
                throw new PayloadException(404, "no such endpoint: " + ex.getRequestURI().getPath());
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                throw new PayloadException(405, "use POST");
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !MessageDigest.isEqual(auth.strip().getBytes(StandardCharsets.UTF_8), expectedAuth)) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"warroom\"");
                throw new PayloadException(401, auth == null ? "missing bearer token (Authorization: Bearer …)"
                        : "wrong bearer token");
            }
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).strip().split(";")[0].strip()
                    .equals("application/json")) {
                throw new PayloadException(415, "expected Content-Type: application/json, got "
                        + (type == null ? "none" : "\"" + type + "\""));
            }
            recorded = accept.apply(readCapped(ex));
        } catch (PayloadException e) {
            try (ex) {
                drainRefusedBody(ex);
                respond(ex, e.status(), "text/plain; charset=utf-8", e.getMessage() + "\n");
            }
            return;
        } catch (RuntimeException e) {
            try (ex) {
                LOG.log(Level.WARNING, "alert receiver could not take a notification", e);
                respond(ex, 503, "text/plain; charset=utf-8",
                        "War Room could not record the alert just now; send it again.\n");
            }
            return;
        } catch (IOException e) {
            ex.close();
            throw e;
        }
        recorded.orTimeout(RECORD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .whenCompleteAsync((outcome, failure) -> answer(ex, outcome, failure), responders);
    }

    /** How long a request waits for its batch to commit before the sender is asked to send it again. */
    static final Duration RECORD_TIMEOUT = Duration.ofSeconds(15);

    private static void answer(HttpExchange ex, AlertIntake.Outcome outcome, Throwable failure) {
        try (ex) {
            if (failure == null) {
                respond(ex, 200, "application/json", "{\"status\":\"ok\",\"card\":" + outcome.cardId()
                        + ",\"created\":" + outcome.created() + ",\"resolved\":" + outcome.resolved()
                        + ",\"timesSeen\":" + outcome.timesSeen() + "}");
                return;
            }
            Throwable why = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (why instanceof AlertIntake.Busy || why instanceof TimeoutException) {
                ex.getResponseHeaders().set("Retry-After", "1");
                respond(ex, 503, "text/plain; charset=utf-8", "War Room is busy recording alerts ("
                        + (why instanceof TimeoutException ? "not recorded within " + RECORD_TIMEOUT.toSeconds()
                        + " s" : why.getMessage()) + "); send it again.\n");
                return;
            }
            LOG.log(Level.WARNING, "alert receiver could not record a notification", why);
            respond(ex, 503, "text/plain; charset=utf-8",
                    "War Room could not record the alert just now; send it again.\n");
        } catch (IOException e) {
            LOG.log(Level.FINE, "the alert sender went away before its answer", e);
        }
    }

    /** How much of a refused request's body is read and thrown away so the refusal reaches the sender. */
    private static final long DRAIN_LIMIT = 16L << 20;

    /**
     * Reads and discards what is left of a refused request's body (up to {@link #DRAIN_LIMIT}). Closing the
     * exchange with unread bytes makes the socket send a reset, and the sender would lose the 4xx and its reason.
     */
    private static void drainRefusedBody(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            long left = DRAIN_LIMIT;
            byte[] sink = new byte[64 * 1024];
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the sender went away; nothing to answer
        }
    }

    private static byte[] readCapped(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > MAX_BODY) {
                    throw new PayloadException(413, "body larger than 1 MiB (" + length.strip() + " bytes)");
                }
            } catch (NumberFormatException e) {
                throw new PayloadException(400, "Content-Length is not a number");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new PayloadException(413, "body larger than 1 MiB");
            }
            return body;
        }
    }

    private static void respond(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening, lets requests in flight finish (up to 2 s), and stops the worker threads. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
