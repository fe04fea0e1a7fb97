package dev.warroom.ui.crisis;

import dev.warroom.crisis.Actor;
import dev.warroom.crisis.ActorName;
import dev.warroom.domain.InvalidInputException;
import dev.warroom.ui.DialogService;
import dev.warroom.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Your name or handle": what the first-start prompt and the Crisis view ("You are: alice", Change…) show
 * and save. The name is read and saved off the FX thread; once saved it is the app's {@link Actor} at once,
 * so every event written afterwards carries it. {@link #needsAskingProperty()} is true while nothing is
 * configured or saved (events then carry the operating-system user).
 */
public final class ActorViewModel {
    private final ActorName names;
    private final Actor actor;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final String configured;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper needsAsking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /**
     * @param actor      the app's actor, set to each name saved here
     * @param configured the {@code actor} from the configuration file, or null
     */
    public ActorViewModel(ActorName names, Actor actor, TaskRunner tasks, DialogService dialogs, String configured) {
        this.names = names;
        this.actor = actor;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.configured = configured;
        name.set(actor.get());
    }

    /** Reads the saved name; sets {@link #needsAskingProperty()} when there is none. */
    public void load() {
        load(false);
    }

    /** First start: reads the saved name and, when there is none, asks for it (prefilled with the name in use). */
    public void loadAndAskIfUnknown() {
        load(true);
    }

    private void load(boolean ask) {
        tasks.run(() -> names.resolve(configured), n -> {
            n.ifPresent(actor::set);
            name.set(actor.get());
            needsAsking.set(n.isEmpty());
            if (ask && n.isEmpty()) {
                change();
            }
        }, e -> problem.set("Could not read your name: " + e.getMessage()));
    }

    /** Asks for a new name (prefilled with the one in use) and saves it; backing off keeps the old one. */
    public void change() {
        dialogs.ask(new ActorNameDialog(name.get(), ActorViewModel::problemWith)).ifPresent(this::save);
    }

    private static String problemWith(String typed) {
        try {
            ActorName.check(typed);
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    /** Saves {@code typed}; a bad name leaves the old one and says what is wrong. */
    public void save(String typed) {
        tasks.run(() -> names.save(typed), saved -> {
            actor.set(saved);
            name.set(saved);
            needsAsking.set(false);
            problem.set("");
        }, e -> problem.set(e.getMessage()));
    }

    /** The name events are recorded under now. */
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

    /** True when the configuration names the actor (then the saved name is not used at the next start). */
    public boolean configured() {
        return configured != null && !configured.isBlank();
    }
}
