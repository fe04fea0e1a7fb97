package dev.warroom.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The one line a view uses to tell the person what just happened, and whether it went wrong. */
public final class Feedback {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(false);

    public void say(String message) {
        problem.set(false);
        text.set(message);
    }

    public void problem(String message) {
        problem.set(true);
        text.set(message);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
