package org.safeguarding.rules.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.SheetTemplate;

/**
 * How {@link DecisionIndexFile} writes and reads its parts: strings longer than {@code writeUTF}
 * takes, rule rows, text maps, bounded counts, the deflated body and the file's own hash. Every
 * count and length read is bounded, so a damaged file cannot ask for gigabytes.
 */
final class IndexCodec {
    private IndexCodec() {
    }

    /** Larger than any index the shipped template can make (the shipped tables' is about 2 MB inflated). */
    static final int MAX_INFLATED = 256 << 20;

    /**
     * The body inflated whole and read without locks. Read through a BufferedInputStream, whose
     * every byte takes a lock, the Pathway table's 78,734 parts and their reasons took most of a
     * 0.6 s load (docs/performance.md, "Start-up").
     */
    static java.io.InputStream inflated(byte[] file, int from, int to) throws IOException {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try {
            inflater.setInput(file, from, to - from);
            byte[] out = new byte[Math.max(1 << 16, (to - from) * 4)];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    if (out.length >= MAX_INFLATED) {
                        throw new IOException("index larger than " + MAX_INFLATED + " bytes");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(MAX_INFLATED, 2L * out.length));
                }
                int n = inflater.inflate(out, length, out.length - length);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("index body cut short");
                }
                length += n;
            }
            return new UnlockedBytes(out, length);
        } catch (java.util.zip.DataFormatException e) {
            throw new IOException("index body is not deflated data", e);
        } finally {
            inflater.end();
        }
    }

    /** A byte array as a stream, without ByteArrayInputStream's lock on every read. */
    static final class UnlockedBytes extends java.io.InputStream {
        private final byte[] bytes;
        private final int length;
        private int position;

        UnlockedBytes(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }

        @Override
        public int read() {
            return position < length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int count) {
            if (count == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }
            int n = Math.min(count, length - position);
            System.arraycopy(bytes, position, target, offset, n);
            position += n;
            return n;
        }
    }

    /** Counts come from the file: bounded, so a damaged one cannot ask for gigabytes. */
    static int checkedCount(int count) throws IOException {
        if (count < 0 || count > 10_000_000) {
            throw new IOException("count out of range");
        }
        return count;
    }

    static void writeRow(DataOutputStream out, RuleRow row) throws IOException {
        writeString(out, row.workbook());
        out.writeInt(row.excelRow());
        writeString(out, row.id());
        writeString(out, row.description());
        out.writeInt(row.conditions().size());
        for (Map.Entry<String, String> condition : new java.util.TreeMap<>(row.conditions()).entrySet()) {
            writeString(out, condition.getKey());
            writeString(out, condition.getValue());
        }
        writeString(out, row.outcome());
        writeString(out, row.guidance());
    }

    static RuleRow readRow(DataInputStream in, SheetTemplate sheet) throws IOException {
        String workbook = readString(in);
        int excelRow = in.readInt();
        String id = readString(in);
        String description = readString(in);
        int count = in.readInt();
        Map<String, String> conditions = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            conditions.put(readString(in), readString(in));
        }
        return new RuleRow(workbook, sheet, excelRow, id, description, conditions, readString(in), readString(in));
    }

    static void writeMap(DataOutputStream out, Map<ActionCode, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<ActionCode, String> entry : map.entrySet()) {
            writeString(out, entry.getKey().name());
            writeString(out, entry.getValue());
        }
    }

    static Map<Pathway, Map<ActionCode, String>> readVariants(DataInputStream in) throws IOException {
        Map<Pathway, Map<ActionCode, String>> variants = new EnumMap<>(Pathway.class);
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            Pathway pathway = Pathway.valueOf(readString(in));
            variants.put(pathway, readMap(in));
        }
        return variants;
    }

    static Map<ActionCode, String> readMap(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<ActionCode, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(ActionCode.valueOf(readString(in)), readString(in));
        }
        return map;
    }

    /** Cells hold up to 32,767 characters, more than {@code writeUTF} takes. */
    static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 20) {
            throw new IOException("string length out of range");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
