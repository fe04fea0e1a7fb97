package dev.warroom.crisis;

import java.time.Duration;
import java.time.Instant;

/** "3 s ago", "4 min ago", "2 h ago": how long before now something happened, for conflict messages. */
public final class Ago {
    private Ago() {
    }

    public static String describe(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return (s / 60) + " min ago";
        }
        return (s / 3600) + " h ago";
    }
}
