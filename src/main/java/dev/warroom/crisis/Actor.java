package dev.warroom.crisis;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who is at this keyboard now: the services read it each time they record an event, so a name changed in
 * the Crisis view (or given at the first-start prompt) is on every event written afterwards. Safe to read
 * and change from any thread.
 */
public final class Actor implements Supplier<String> {
    private volatile String name;

    public Actor(String name) {
        this.name = valid(name);
    }

    /** An actor that never changes (tools, tests, the command line). */
    public static Actor fixed(String name) {
        return new Actor(name);
    }

    /** The name events are recorded under now. */
    @Override
    public String get() {
        return name;
    }

    /** From now on events are recorded under {@code name}. */
    public void set(String name) {
        this.name = valid(name);
    }

    private static String valid(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
