package dev.warroom.connect.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The HTTP plumbing the channels share: one request, an answer sorted into delivered / retry / failed. */
final class HttpCall {
    private static final int MAX_ANSWER = 256 * 1024;
    private final HttpClient http;
    private final Duration timeout;

    HttpCall(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** A finished exchange: the status and (capped) body; or {@code outcome} set when it did not deliver. */
    record Answer(int status, String body, Delivery outcome) {
        boolean ok() {
            return outcome == null;
        }
    }

    Answer send(String method, URI uri, Map<String, String> headers, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            b.header("Content-Type", "application/json; charset=utf-8");
        }
        headers.forEach(b::header);
        HttpResponse<byte[]> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpConnectTimeoutException | java.net.ConnectException e) {
            return new Answer(0, "", new Delivery.Retry("cannot reach " + uri.getHost() + ":" + uri.getPort() + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", null, false));
        } catch (HttpTimeoutException e) {
            return new Answer(0, "", new Delivery.Retry("no answer within " + timeout.toSeconds() + " s", null, true));
        } catch (IOException e) {
            return new Answer(0, "", new Delivery.Retry("connection to " + uri.getHost() + " lost: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), null, true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", new Delivery.Retry("interrupted (War Room is closing)", null, true));
        }
        byte[] bytes = r.body() == null ? new byte[0] : r.body();
        String body = new String(bytes, 0, Math.min(bytes.length, MAX_ANSWER), StandardCharsets.UTF_8);
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            return new Answer(s, body, null);
        }
        String said = "HTTP " + s + (body.isBlank() ? "" : ": " + oneLine(body));
        if (s == 429 || s == 408 || s >= 500) {
            return new Answer(s, body, new Delivery.Retry(said, retryAfter(r.headers().firstValue("Retry-After")
                    .orElse(null)), false));
        }
        return new Answer(s, body, new Delivery.Failed(said));
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v,
                        DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String oneLine(String body) {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
