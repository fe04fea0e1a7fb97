package dev.warroom.metrics;

import java.util.Map;
import java.util.function.UnaryOperator;

/** An Authorization header built from an environment variable named in the config; the token itself is never stored. */
final class BearerToken {

    private final String variable;
    private final UnaryOperator<String> environment;

    BearerToken(String variable, UnaryOperator<String> environment) {
        this.variable = variable;
        this.environment = environment;
    }

    Map<String, String> headers() throws SourceFailure {
        if (variable == null) {
            return Map.of();
        }
        String token = environment.apply(variable);
        if (token == null || token.isBlank()) {
            throw new SourceFailure("bearer token environment variable " + variable + " is not set");
        }
        return Map.of("Authorization", "Bearer " + token.strip());
    }
}
