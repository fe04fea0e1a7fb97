package dev.warroom.crisis.report;

/** A report that cannot be made or saved; the message says why in words a person can act on. */
public final class ReportException extends RuntimeException {
    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
