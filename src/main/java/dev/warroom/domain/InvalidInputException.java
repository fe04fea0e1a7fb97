package dev.warroom.domain;

/** Input a person typed that cannot be accepted; {@link #field()} names where it came from. */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
