package dev.warroom.store;

/** A write was attempted on a database opened read-only. */
public class ReadOnlyException extends StoreException {
    public ReadOnlyException(String reason) {
        super("This database is open read-only, so nothing was changed: " + reason);
    }

    private ReadOnlyException(String message, boolean whole) {
        super(message);
    }

    /** A refusal that already says it all, e.g. "Not saved: team database unreachable since 14:02 — …". */
    static ReadOnlyException saying(String message) {
        return new ReadOnlyException(message, true);
    }
}
