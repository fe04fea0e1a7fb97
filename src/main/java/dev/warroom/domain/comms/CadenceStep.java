package dev.warroom.domain.comms;

import dev.warroom.domain.InvalidInputException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel of the communication cadence: first due {@code first} after the crisis starts, then,
 * when {@code every} is set, that long after each message sent or skipped on it.
 *
 * @param channel  stable key, e.g. "status-page"; sent messages are recorded against it
 * @param label    what people read, e.g. "Status page"
 * @param template the template that fits this channel (name without ".mustache")
 * @param internal true for the team's own channel (the war room); every other channel reaches customers, and
 *                 card titles never go there, only the public summaries cards carry
 */
public record CadenceStep(String channel, String label, Duration first, Duration every, String template,
                          OutputFormat format, boolean internal) {

    /** A channel that reaches customers. */
    public CadenceStep(String channel, String label, Duration first, Duration every, String template,
                       OutputFormat format) {
        this(channel, label, first, every, template, format, false);
    }

    public CadenceStep {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(format, "format");
        if (first.isNegative()) {
            throw new InvalidInputException("first", "The first message on " + label + " cannot be due before the start.");
        }
        if (every != null && every.compareTo(Duration.ofMinutes(5)) < 0) {
            throw new InvalidInputException("every", "Updates on " + label + " cannot repeat more often than every 5m.");
        }
        template = template == null ? "" : template;
    }

    public Optional<Duration> repeat() {
        return Optional.ofNullable(every);
    }
}
