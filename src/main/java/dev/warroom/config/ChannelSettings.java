package dev.warroom.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One place a sent message is delivered to ({@code "channels"} in the configuration).
 *
 * @param name     how the Comms view and the timeline name it, e.g. "slack-war-room"
 * @param kind     {@code slack} (incoming webhook), {@code statuspage} (Statuspage REST API) or
 *                 {@code webhook} (generic JSON POST)
 * @param url      the endpoint: the Statuspage API base (default https://api.statuspage.io) or the
 *                 webhook's address; for Slack leave it out and name {@code urlEnv}
 * @param urlEnv   environment variable holding the endpoint when the address itself is a secret
 *                 (a Slack incoming-webhook URL is)
 * @param tokenEnv environment variable holding the API key / bearer token, if the endpoint needs one
 * @param pageId   the Statuspage page id
 * @param forChannels the comms cadence channels whose sent messages go here, e.g. ["status-page"]
 * @param timeout  how long one request may take ("10s" when absent)
 */
public record ChannelSettings(String name, String kind, String url, String urlEnv, String tokenEnv, String pageId,
                              List<String> forChannels, String timeout) {

    /** The kinds of delivery War Room knows. */
    public enum Kind {
        SLACK, STATUSPAGE, WEBHOOK
    }

    public static final String STATUSPAGE_API = "https://api.statuspage.io";

    public ChannelSettings {
        forChannels = forChannels == null ? List.of() : List.copyOf(forChannels);
    }

    public Kind kindValue() {
        return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    public java.time.Duration requestTimeout() {
        return timeout == null ? java.time.Duration.ofSeconds(10)
                : dev.warroom.domain.Durations.parse(timeout, "timeout");
    }

    /** Checks the values; the exception names {@code source} and {@code path} (e.g. "channels[1]"). */
    void validate(String source, String path) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")) {
            throw new ConfigException(source, path + ".name", "expected a short name (letters, digits, - _ .)", null);
        }
        if (kind == null) {
            throw new ConfigException(source, path + ".kind", "expected slack, statuspage or webhook", null);
        }
        try {
            kindValue();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, path + ".kind", "expected slack, statuspage or webhook, got \"" + kind
                    + "\"", null);
        }
        for (String[] env : new String[][] {{"urlEnv", urlEnv}, {"tokenEnv", tokenEnv}}) {
            if (env[1] != null && !env[1].matches("[A-Za-z_][A-Za-z0-9_]{0,99}")) {
                throw new ConfigException(source, path + "." + env[0],
                        "expected the NAME of an environment variable (letters, digits, _), not the secret itself", null);
            }
        }
        if (url != null) {
            try {
                URI u = URI.create(url);
                if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                    throw new IllegalArgumentException("not http(s)");
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source, path + ".url", "expected an http:// or https:// address, got \""
                        + url + "\"", null);
            }
        }
        Kind k = kindValue();
        if (k == Kind.SLACK && url != null) {
            throw new ConfigException(source, path + ".url", "a Slack incoming-webhook address is a secret: put it in "
                    + "an environment variable and name that variable in urlEnv", null);
        }
        if (k == Kind.SLACK && urlEnv == null) {
            throw new ConfigException(source, path + ".urlEnv", "expected the environment variable holding the Slack "
                    + "incoming-webhook address", null);
        }
        if (k == Kind.WEBHOOK && url == null && urlEnv == null) {
            throw new ConfigException(source, path + ".url", "expected the webhook's address (url or urlEnv)", null);
        }
        if (k == Kind.STATUSPAGE && (pageId == null || !pageId.matches("[A-Za-z0-9_-]{1,64}"))) {
            throw new ConfigException(source, path + ".pageId", "expected the Statuspage page id", null);
        }
        if (k == Kind.STATUSPAGE && tokenEnv == null) {
            throw new ConfigException(source, path + ".tokenEnv", "expected the environment variable holding the "
                    + "Statuspage API key", null);
        }
        if (forChannels.isEmpty()) {
            throw new ConfigException(source, path + ".forChannels", "expected the comms channels whose messages go "
                    + "here, e.g. [\"status-page\"]", null);
        }
        if (timeout != null) {
            try {
                requestTimeout();
            } catch (RuntimeException e) {
                throw new ConfigException(source, path + ".timeout", "expected a duration such as \"10s\"", null);
            }
        }
    }
}
