package dev.warroom.store;

/** A write was attempted on a database opened read-only. */
public class ReadOnlyException extends StoreException {
    public ReadOnlyException(String reason) {
        super("This database is open read-only, so nothing was changed: " + reason);
    }
}
