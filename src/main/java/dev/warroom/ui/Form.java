package dev.warroom.ui;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/**
 * A form a feature asks through the {@link DialogService}: its texts and ids, the validator that keeps
 * it open while the input is wrong, and how its fields are built and read. Each feature keeps its forms
 * in its own package; view models create them (no node exists until {@link #build()} runs on the FX
 * thread, when the dialog really opens) and tests answer them by type.
 *
 * @param <T> what the form returns: a record of the fields as typed
 */
public abstract class Form<T> {
    private final String title;
    private final String header;
    private final String id;
    private final String confirmLabel;
    private final String confirmId;
    private final Function<? super T, String> validator;

    /**
     * @param validator the problem with an input (shown under the fields, the dialog stays open), or null
     *                  when it is acceptable
     */
    protected Form(String title, String header, String id, String confirmLabel, String confirmId,
                   Function<? super T, String> validator) {
        this.title = title;
        this.header = header;
        this.id = id;
        this.confirmLabel = confirmLabel;
        this.confirmId = confirmId;
        this.validator = validator;
    }

    /** The fields of an open form: what to show, what to focus, how to read them, when OK is greyed out. */
    public record Fields<T>(Node content, Node focus, Supplier<T> read, ObservableBooleanValue okDisabledWhen) {
    }

    /** Builds the fields (FX thread only). */
    public abstract Fields<T> build();

    public String title() {
        return title;
    }

    public String header() {
        return header;
    }

    /** The dialog's node id (e.g. {@code card-dialog}). */
    public String id() {
        return id;
    }

    public String confirmLabel() {
        return confirmLabel;
    }

    /** The node id of the confirm button (e.g. {@code card-save}). */
    public String confirmId() {
        return confirmId;
    }

    /** What is wrong with {@code input}, or null when it is acceptable. */
    public String problemWith(T input) {
        return validator.apply(input);
    }
}
