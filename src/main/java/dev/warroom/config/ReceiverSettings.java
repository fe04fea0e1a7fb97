package dev.warroom.config;

/**
 * The optional alert receiver ({@code "receiver"} in the configuration). Off unless {@code enabled};
 * listens on {@code bind} (127.0.0.1 when absent) and {@code port}; every request must carry
 * {@code Authorization: Bearer <token>} where the token is read from the environment variable named
 * {@code tokenEnv} (never from the file).
 */
public record ReceiverSettings(Boolean enabled, String bind, Integer port, String tokenEnv) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 9095;
    public static final String DEFAULT_TOKEN_ENV = "WARROOM_RECEIVER_TOKEN";

    public boolean on() {
        return enabled != null && enabled;
    }

    public String bindAddress() {
        return bind == null ? DEFAULT_BIND : bind;
    }

    public int portNumber() {
        return port == null ? DEFAULT_PORT : port;
    }

    public String tokenVariable() {
        return tokenEnv == null ? DEFAULT_TOKEN_ENV : tokenEnv;
    }

    /** The receiver's settings when the configuration has none: off. */
    public static ReceiverSettings off() {
        return new ReceiverSettings(false, null, null, null);
    }

    /** Checks the values; the exception names {@code source} and the field. */
    void validate(String source) {
        if (port != null && (port < 1 || port > 65535)) {
            throw new ConfigException(source, "receiver.port", "expected a port number from 1 to 65535, was " + port, null);
        }
        if (bind != null && (bind.isBlank() || bind.length() > 255)) {
            throw new ConfigException(source, "receiver.bind", "expected an address such as 127.0.0.1", null);
        }
        if (tokenEnv != null && !tokenEnv.matches("[A-Za-z_][A-Za-z0-9_]{0,99}")) {
            throw new ConfigException(source, "receiver.tokenEnv",
                    "expected the NAME of an environment variable (letters, digits, _), not the token itself", null);
        }
    }
}
