package dev.warroom.store;

/** Someone else changed the row since it was read; the change was refused, nothing overwritten. */
public class StaleUpdateException extends StoreException {
    public StaleUpdateException(String message) {
        super(message);
    }

    public StaleUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
