package dev.warroom.connect;

/** A request the receiver refuses; {@code status} is the HTTP answer, the message the reason sent back. */
public final class PayloadException extends RuntimeException {
    private final int status;

    public PayloadException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
