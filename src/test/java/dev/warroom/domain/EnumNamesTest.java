package dev.warroom.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warroom.domain.comms.OutputFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnumNamesTest {
    @Test
    void readsANameWhateverItsCaseAndBlanks() {
        assertEquals(Optional.of(Column.IN_PROGRESS), EnumNames.parse(Column.class, " in_progress "));
        assertEquals(Optional.of(Priority.HIGH), EnumNames.parse(Priority.class, "High"));
    }

    @Test
    void anUnknownOrMissingNameIsEmptyNotAnError() {
        assertEquals(Optional.empty(), EnumNames.parse(Column.class, "doing"));
        assertEquals(Optional.empty(), EnumNames.parse(Column.class, ""));
        assertEquals(Optional.empty(), EnumNames.parse(Column.class, null));
        assertEquals(Optional.empty(), OutputFormat.parse("pdf"));
    }
}
