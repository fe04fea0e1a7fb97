package dev.warroom.domain;

import java.util.Locale;
import java.util.Optional;

/** Reads an enum constant from what a person or a file wrote: case and surrounding blanks do not matter. */
public final class EnumNames {
    private EnumNames() {
    }

    /** The constant of {@code type} named {@code text} ("dark", " Markdown "), or empty when none is. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
