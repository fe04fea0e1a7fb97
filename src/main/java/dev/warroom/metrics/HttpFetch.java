package dev.warroom.metrics;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GETs JSON defensively: a deadline covering connect, headers and body; redirects refused;
 * the body capped (1 MiB by default) and cut off beyond; content type checked; HTML error
 * pages recognised. Every way it can go wrong ends in a {@link SourceFailure} whose message
 * says what happened and where.
 */
final class HttpFetch {

    static final int DEFAULT_BODY_LIMIT = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final HttpClient client;
    private final int bodyLimit;

    HttpFetch(Duration connectTimeout, int bodyLimit) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.bodyLimit = bodyLimit;
    }

    /**
     * @param errorStatusMayCarryJson true when a 4xx/5xx JSON body is meaningful (Prometheus
     *                                error envelopes); otherwise such a status is a failure
     */
    JsonAnswer getJson(URI uri, Duration timeout, Map<String, String> headers, boolean errorStatusMayCarryJson)
            throws SourceFailure {
        return getJson(uri, timeout, timeout, headers, errorStatusMayCarryJson);
    }

    /** @param configured the source's timeout, named in messages when {@code timeout} is what is left of it */
    JsonAnswer getJson(URI uri, Duration timeout, Duration configured, Map<String, String> headers,
                       boolean errorStatusMayCarryJson) throws SourceFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json");
        headers.forEach(request::header);
        String where = uri.getHost() + ":" + port(uri);
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request.build(), info -> new CappedBody(bodyLimit));
        HttpResponse<byte[]> response;
        try {
            response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new SourceFailure("no answer from " + where + " within " + human(configured));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceFailure("poll of " + where + " was interrupted");
        } catch (ExecutionException e) {
            throw new SourceFailure(describe(e.getCause(), where, configured));
        }
        return interpret(response, uri, errorStatusMayCarryJson);
    }

    private JsonAnswer interpret(HttpResponse<byte[]> response, URI uri, boolean errorStatusMayCarryJson)
            throws SourceFailure {
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("an unnamed location");
            throw new SourceFailure("redirected to " + location + " (HTTP " + status + "); redirects are not followed");
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        byte[] body = response.body();
        if (contentType.startsWith("text/html") || looksLikeHtml(body)) {
            throw new SourceFailure("HTML page instead of JSON (HTTP " + status + title(body) + ") from " + uri);
        }
        boolean json = contentType.startsWith("application/json") || contentType.matches("application/[^;]*\\+json.*");
        if (!json) {
            if (status >= 400) {
                throw new SourceFailure("HTTP " + status + " from " + uri);
            }
            throw new SourceFailure("unexpected content type \""
                    + (contentType.isEmpty() ? "none" : contentType) + "\" from " + uri + " (expected application/json)");
        }
        if (status >= 400 && !errorStatusMayCarryJson) {
            throw new SourceFailure("HTTP " + status + " from " + uri);
        }
        try {
            return new JsonAnswer(status, JSON.readTree(body));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new SourceFailure("malformed JSON" + position + " from " + uri + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SourceFailure("unreadable JSON from " + uri + ": " + e.getMessage());
        }
    }

    private String describe(Throwable cause, String where, Duration timeout) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLarge tooLarge) {
                return "response from " + where + " larger than " + bytes(tooLarge.limit) + "; cut off";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "could not connect to " + where + " within " + human(timeout);
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer from " + where + " within " + human(timeout);
            }
            if (t instanceof ConnectException) {
                return "connection refused by " + where;
            }
        }
        String message = cause.getMessage();
        return "network error talking to " + where + ": "
                + (message == null ? cause.getClass().getSimpleName() : message);
    }

    private static boolean looksLikeHtml(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 256), StandardCharsets.UTF_8)
                .stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static String title(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 8192), StandardCharsets.UTF_8);
        Matcher m = TITLE.matcher(text);
        return m.find() ? ", titled \"" + m.group(1).strip().replaceAll("\\s+", " ") + "\"" : "";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private static String bytes(long n) {
        return n % (1 << 20) == 0 ? (n >> 20) + " MiB" : n + " bytes";
    }
}
