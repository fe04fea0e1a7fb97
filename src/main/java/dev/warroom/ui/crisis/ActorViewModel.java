package dev.warroom.ui.crisis;

import dev.warroom.crisis.ActorName;
import dev.warroom.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Your name or handle": what the first-start prompt and the Crisis view show and save. The name is
 * read and saved off the FX thread; {@link #needsAskingProperty()} is true when nothing is configured
 * or saved yet, so the shell knows to ask.
 */
public final class ActorViewModel {
    private final ActorName names;
    private final TaskRunner tasks;
    private final String configured;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper needsAsking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /** @param configured the {@code actor} from the configuration file, or null */
    public ActorViewModel(ActorName names, TaskRunner tasks, String configured) {
        this.names = names;
        this.tasks = tasks;
        this.configured = configured;
    }

    /** Reads the saved name; sets {@link #needsAskingProperty()} when there is none. */
    public void load() {
        tasks.run(() -> names.resolve(configured), n -> {
            name.set(n.orElse(""));
            needsAsking.set(n.isEmpty());
        }, e -> problem.set("Could not read your name: " + e.getMessage()));
    }

    /** Saves {@code typed}; a bad name leaves the old one and says what is wrong. */
    public void save(String typed) {
        tasks.run(() -> names.save(typed), saved -> {
            name.set(saved);
            needsAsking.set(false);
            problem.set("");
        }, e -> problem.set(e.getMessage()));
    }

    /** The name events are recorded under, empty while unknown. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty needsAskingProperty() {
        return needsAsking.getReadOnlyProperty();
    }

    /** Why the last save failed, empty when it did not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True when the configuration names the actor (then the saved name is not used). */
    public boolean configured() {
        return configured != null && !configured.isBlank();
    }
}
