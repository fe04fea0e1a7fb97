package dev.warroom.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The H2 file under a War Room database, looked at below SQL: is it whole, and did the last session end cleanly?
 *
 * <p>Why this exists: H2 (2.5.252) appends each commit as a "chunk" and finds the newest chunk after a crash by
 * following its file header and each chunk's "next chunk" hint. When a chunk lands somewhere other than the
 * hint said (typically the first commits after a reopen, written into space freed near the start of the file),
 * H2 rewrites the header but names the chunk <em>before</em> the new one. Until the header is rewritten again
 * (up to 20 commits later), a crash leaves committed chunks that H2's quick recovery cannot reach: it opens the
 * older state and then writes over them. Those chunks are whole on disk, and H2's own full scan (its recovery
 * mode) finds them. So after an unclean shutdown War Room runs that scan first and records the newest complete
 * state in the header, before the SQL engine opens the file.
 *
 * <p>{@link #inspect} only reads. {@link #recordNewestState} writes the header, and only after {@link #inspect}
 * found the file whole.
 */
final class StoreFile {
    static final int BLOCK = 4096;
    /** H2 looks for a chunk header's newline within this many bytes of the chunk's start. */
    private static final int CHUNK_HEADER_MAX = 1024;
    /** The checksummed record closing each chunk fills this many bytes at its end. */
    private static final int CHUNK_FOOTER = 128;
    private static final int FIRST_LINE_MAX = 160;
    /** File bytes as H2 quotes them: unprintable characters, or its escape of one (a backslash, four hex digits). */
    private static final java.util.regex.Pattern RAW_BYTES =
            java.util.regex.Pattern.compile("[\\p{Cntrl}\\x{FFFD}]|\\\\\\p{XDigit}{4}");
    private static final byte[] MAGIC = "H:2,".getBytes(StandardCharsets.US_ASCII);

    /** What {@link #inspect} found in a file that H2 can use. */
    record Inspection(boolean cleanShutdown, long version, boolean hiddenCommits) {
    }

    /** The parts of H2's file header War Room reads. */
    record Header(long version, boolean clean) {
    }

    private StoreFile() {
    }

    /** True when the file starts like an H2 database file (or is empty). */
    static boolean looksLikeH2(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length);
            return head.length == 0 || java.util.Arrays.equals(head, MAGIC);
        } catch (IOException e) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_WRITABLE, file,
                    "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks an existing, non-empty H2 file without writing a byte to it. Throws {@link DatabaseOpenException}
     * ({@code DAMAGED}) when it is cut short or its newest data cannot be read, {@code LOCKED} when another
     * program has it open.
     */
    static Inspection inspect(Path file) {
        long size;
        byte[] headerBlocks;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            headerBlocks = in.readNBytes(2 * BLOCK);
        } catch (IOException e) {
            throw new DatabaseOpenException(DatabaseOpenException.Problem.NOT_WRITABLE, file,
                    "Cannot read " + file + ": " + e.getMessage(), e);
        }
        Header header = header(headerBlocks);
        if (header == null) {
            throw damaged(file, "its header, which says where the newest data is, cannot be read");
        }
        if (size % BLOCK != 0) {
            throw damaged(file, "it is cut short: its length (" + size + " bytes) is not a whole number of "
                    + BLOCK + "-byte blocks");
        }
        long normal = -1;
        RuntimeException normalFailure = null;
        try {
            normal = newestVersion(file, false);
        } catch (MVStoreException e) {
            lockedCheck(file, e);
            normalFailure = e;
        }
        long scanned = normal;
        if (!header.clean() || normalFailure != null) {
            try {
                scanned = newestVersion(file, true);
            } catch (MVStoreException e) {
                lockedCheck(file, e);
                throw damaged(file, "H2 cannot find a complete state in it (" + firstLine(e) + ")");
            }
        }
        long newest = Math.max(normal, scanned);
        if (newest < header.version()) {
            throw damaged(file, "its newest data (version " + header.version() + ") is missing; the readable part "
                    + "ends at version " + newest + ", so the file was cut short or overwritten");
        }
        return new Inspection(header.clean(), newest, scanned > normal);
    }

    /**
     * Opens the file with H2's full scan and closes it, which writes a header naming the newest complete state
     * the scan found. Run only on a file {@link #inspect} found whole and that nothing else has open.
     */
    static void recordNewestState(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).recoveryMode().autoCommitDisabled().open();
        store.close();
    }

    /**
     * Prepares a copy for H2's repair tool, which walks the file block by block and reads every block that starts
     * with "c" as a chunk header. Inside a damaged or abandoned chunk a block can start with bytes that only look
     * like one (a row of H2's own chunk list crossing a block edge, say), and the tool stops at the first such
     * block with an error instead of stepping over it as it does for other unreadable blocks. This walk takes the
     * same path through the file, steps over every real chunk (its header and its checksummed end agree), and
     * clears the first byte of each block the tool would otherwise stumble on, so the tool skips it. Real chunks are
     * not touched; run it only on the copy, never on the file the user gave.
     *
     * @return how many blocks were cleared
     */
    static int clearFalseChunkStarts(Path copy) throws IOException {
        int cleared = 0;
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long blocks = ch.size() / BLOCK;
            ByteBuffer block = ByteBuffer.allocate(BLOCK);
            for (long pos = 0; pos < blocks; ) {
                block.clear();
                readFully(ch, pos * BLOCK, block);
                if (block.get(0) != 'c') {
                    pos++;
                    continue;
                }
                int len = realChunkLength(ch, pos, blocks, block.array());
                if (len > 0) {
                    pos += len;
                    continue;
                }
                ch.write(ByteBuffer.wrap(new byte[] {0}), pos * BLOCK);
                cleared++;
                pos++;
            }
        }
        return cleared;
    }

    /** The length in blocks of the chunk starting at block {@code pos}, or 0 when no whole chunk starts there. */
    private static int realChunkLength(FileChannel ch, long pos, long blocks, byte[] first) throws IOException {
        int end = 0;
        while (end < CHUNK_HEADER_MAX && first[end] != '\n') {
            end++;
        }
        String line = new String(first, 0, Math.min(end, CHUNK_HEADER_MAX), StandardCharsets.ISO_8859_1);
        if (end == CHUNK_HEADER_MAX || !line.startsWith("chunk:")) {
            return 0;
        }
        Map<String, String> head = pairs(line);
        if (head == null) {
            return 0;
        }
        long len = hex(head.get("len"));
        if (len <= 0 || pos + len > blocks) {
            return 0;
        }
        ByteBuffer footer = ByteBuffer.allocate(CHUNK_FOOTER);
        readFully(ch, (pos + len) * BLOCK - CHUNK_FOOTER, footer);
        Map<String, String> tail = parse(footer.array(), 0, CHUNK_FOOTER);
        if (tail == null) {
            return 0;
        }
        for (String key : List.of("chunk", "len", "version")) {
            if (tail.containsKey(key) && !tail.get(key).equals(head.get(key))) {
                return 0;
            }
        }
        return tail.containsKey("chunk") ? (int) len : 0;
    }

    private static long hex(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void readFully(FileChannel ch, long at, ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            if (ch.read(into, at + into.position()) < 0) {
                throw new java.io.EOFException("end of file at byte " + (at + into.position()));
            }
        }
    }

    private static long newestVersion(Path file, boolean fullScan) {
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).readOnly();
        if (fullScan) {
            builder.recoveryMode();
        }
        try (MVStore store = builder.open()) {
            return store.getCurrentVersion();
        }
    }

    /** The newer of H2's two header copies whose checksum holds, or null when neither does. */
    static Header header(byte[] blocks) {
        Header best = null;
        for (int offset = 0; offset + BLOCK <= blocks.length; offset += BLOCK) {
            Map<String, String> m = parse(blocks, offset, BLOCK);
            if (m == null || !m.containsKey("H")) {
                continue;
            }
            try {
                // a new file's header names no version until its first chunk is recorded in it
                Header h = new Header(Long.parseLong(m.getOrDefault("version", "0"), 16), "1".equals(m.get("clean")));
                if (best == null || h.version() > best.version()) {
                    best = h;
                }
            } catch (NumberFormatException e) {
                // a header copy with a garbled version is as good as none
            }
        }
        return best;
    }

    /**
     * One checksummed record ("key:value,...,fletcher:xxxxxxxx", then padding and a newline) within {@code limit}
     * bytes from {@code offset}: a header copy, or the end of a chunk. Null when it is not intact.
     */
    private static Map<String, String> parse(byte[] bytes, int offset, int limit) {
        int end = offset;
        while (end < offset + limit && bytes[end] != '\n' && bytes[end] != 0) {
            end++;
        }
        String text = new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1).stripTrailing();
        int check = text.lastIndexOf(",fletcher:");
        if (check < 0) {
            return null;
        }
        try {
            int expected = (int) Long.parseLong(text.substring(check + ",fletcher:".length()), 16);
            if (DataUtils.getFletcher32(bytes, offset, check) != expected) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return pairs(text.substring(0, check));
    }

    /** "key:value,key:value" as a map, or null when a part has no key. */
    private static Map<String, String> pairs(String text) {
        Map<String, String> map = new HashMap<>();
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            map.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        return map;
    }

    private static void lockedCheck(Path file, MVStoreException e) {
        if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
            throw DatabaseOpenException.locked(file, e);
        }
    }

    static DatabaseOpenException damaged(Path file, String why) {
        return new DatabaseOpenException(DatabaseOpenException.Problem.DAMAGED, file,
                file + " is damaged: " + why + ". War Room did not change it. You can recover what is still readable "
                        + "into a new file with: warroom --recover " + file
                        + " (the damaged file is kept as it is).", null);
    }

    /**
     * H2's own words for a failure, fit for a message a person reads: the first line, without H2's error-code
     * suffix, and without the raw file bytes H2 sometimes quotes (they are cut where they start).
     */
    static String firstLine(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        m = m.lines().findFirst().orElse(m);
        int bracket = m.indexOf(" [");
        if (bracket > 0) {
            m = m.substring(0, bracket);
        }
        java.util.regex.Matcher raw = RAW_BYTES.matcher(m);
        if (raw.find()) {
            int quote = m.lastIndexOf('"', raw.start());
            return (quote > 0 ? m.substring(0, quote) : m.substring(0, raw.start())).stripTrailing() + " …";
        }
        return m.length() <= FIRST_LINE_MAX ? m : m.substring(0, FIRST_LINE_MAX).stripTrailing() + " …";
    }
}
