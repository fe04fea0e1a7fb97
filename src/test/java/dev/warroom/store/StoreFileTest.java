package dev.warroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoreFileTest {

    @Test
    void rawFileBytesQuotedByH2AreCutFromTheMessage() {
        // what H2 said when CI met a false chunk header: the quoted value is bytes from the file
        String h2 = "Hexadecimal string with odd number of characters: \"05\u00011\u000c1f0000f307c7\u0000\u0080)\\\"; "
                + "SQL statement:\nx [90003-252]";
        String shown = StoreFile.firstLine(new RuntimeException(h2));
        assertEquals("Hexadecimal string with odd number of characters: …", shown);
    }

    @Test
    void bytesH2EscapedInItsQuotesAreCutToo() {
        // as CI printed it: H2 writes each unprintable byte as a backslash and four hex digits
        String h2 = "Hexadecimal string with odd number of characters: \"05\\00011\\000c1f0000f307c7\"";
        assertEquals("Hexadecimal string with odd number of characters: …", StoreFile.firstLine(new RuntimeException(h2)));
    }

    @Test
    void anOrdinaryMessageKeepsItsFirstLineWithoutTheErrorCode() {
        assertEquals("File corrupted in chunk 12, expected page length 4..1024, got 0",
                StoreFile.firstLine(new RuntimeException(
                        "File corrupted in chunk 12, expected page length 4..1024, got 0 [2.5.252/6]\nmore")));
        assertEquals("IllegalStateException", StoreFile.firstLine(new IllegalStateException()));
    }

    @Test
    void aWindowsPathInTheMessageIsKept() {
        String h2 = "File not found: \"C:\\Users\\ic\\warroom\\drill.mv.db\" [90124-252]";
        assertEquals("File not found: \"C:\\Users\\ic\\warroom\\drill.mv.db\"",
                StoreFile.firstLine(new RuntimeException(h2)));
    }

    @Test
    void aVeryLongMessageIsShortened() {
        String shown = StoreFile.firstLine(new RuntimeException("x".repeat(500)));
        assertTrue(shown.length() < 170 && shown.endsWith("…"), shown);
    }
}
