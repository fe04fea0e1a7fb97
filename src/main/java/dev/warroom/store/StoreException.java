package dev.warroom.store;

/** A database operation failed; the message says which one and why, in plain words. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
