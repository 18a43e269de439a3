package org.safeguarding.rules.files;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a zip package as its central directory lists them, checked against the local
 * entries that a streaming reader (POI) sees: Excel, LibreOffice and {@code unzip} read the
 * directory, POI reads the entries in order, so a file where the two could differ is refused.
 * The entries must follow one another from the first byte to the directory with nothing
 * between or after them, each named and stored as its directory record says, and no name may
 * come twice; one directory, ending the file.
 */
final class ZipDirectory {
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DESCRIPTOR = 0x08074b50;

    /** One part, as the directory lists it. */
    record Part(String name, int method, int flags, long compressedSize, long size, long localOffset) {
    }

    /** The refusal of a file that is no zip package at all. */
    static final String NOT_A_ZIP = "it has no zip directory";

    private ZipDirectory() {
    }

    /** The parts, or why the package must be refused. */
    static Result read(byte[] bytes) {
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int end = -1;
        for (int at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
            if (zip.getInt(at) == END) {
                if (end >= 0) {
                    return Result.refused("it has more than one zip directory");
                }
                end = at;
            }
        }
        if (end < 0) {
            return Result.refused(NOT_A_ZIP);
        }
        int entries = Short.toUnsignedInt(zip.getShort(end + 10));
        long directorySize = Integer.toUnsignedLong(zip.getInt(end + 12));
        long directoryOffset = Integer.toUnsignedLong(zip.getInt(end + 16));
        int comment = Short.toUnsignedInt(zip.getShort(end + 20));
        if (Short.toUnsignedInt(zip.getShort(end + 4)) != 0 || Short.toUnsignedInt(zip.getShort(end + 6)) != 0
                || Short.toUnsignedInt(zip.getShort(end + 8)) != entries) {
            return Result.refused("it is split across several files");
        }
        if (end + 22 + comment != bytes.length) {
            return Result.refused("it has bytes after its zip directory");
        }
        if (directoryOffset + directorySize != end || entries == 0xFFFF || directoryOffset == 0xFFFFFFFFL
                || (end >= 20 && zip.getInt(end - 20) == 0x07064b50)) {
            return Result.refused("its zip directory is not where its end record says, or it uses zip64");
        }
        List<Part> parts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int at = (int) directoryOffset;
        for (int i = 0; i < entries; i++) {
            if (at + 46 > end || zip.getInt(at) != CENTRAL) {
                return Result.refused("its zip directory is damaged");
            }
            int flags = Short.toUnsignedInt(zip.getShort(at + 8));
            int method = Short.toUnsignedInt(zip.getShort(at + 10));
            long compressed = Integer.toUnsignedLong(zip.getInt(at + 20));
            long size = Integer.toUnsignedLong(zip.getInt(at + 24));
            int nameLength = Short.toUnsignedInt(zip.getShort(at + 28));
            int extra = Short.toUnsignedInt(zip.getShort(at + 30));
            int note = Short.toUnsignedInt(zip.getShort(at + 32));
            long local = Integer.toUnsignedLong(zip.getInt(at + 42));
            if (at + 46L + nameLength + extra + note > end) {
                return Result.refused("its zip directory is damaged");
            }
            String name = new String(bytes, at + 46, nameLength, StandardCharsets.UTF_8);
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                return Result.refused("the part '" + name + "' is in it twice");
            }
            if ((flags & 1) != 0) {
                return Result.refused("the part '" + name + "' is encrypted");
            }
            parts.add(new Part(name, method, flags, compressed, size, local));
            at += 46 + nameLength + extra + note;
        }
        if (at != end) {
            return Result.refused("its zip directory holds bytes that are not part of any record");
        }
        // The local entries, in file order, must tile everything before the directory.
        List<Part> inFileOrder = new ArrayList<>(parts);
        inFileOrder.sort(Comparator.comparingLong(Part::localOffset));
        long next = 0;
        for (Part part : inFileOrder) {
            if (part.localOffset() != next) {
                return Result.refused("it has bytes outside its parts, before '" + part.name() + "'");
            }
            int offset = (int) part.localOffset();
            if (offset + 30 > directoryOffset || zip.getInt(offset) != LOCAL) {
                return Result.refused("the part '" + part.name() + "' is not where the zip directory says");
            }
            int localFlags = Short.toUnsignedInt(zip.getShort(offset + 6));
            int localMethod = Short.toUnsignedInt(zip.getShort(offset + 8));
            int nameLength = Short.toUnsignedInt(zip.getShort(offset + 26));
            int extra = Short.toUnsignedInt(zip.getShort(offset + 28));
            if (offset + 30L + nameLength + extra > directoryOffset) {
                return Result.refused("the part '" + part.name() + "' is damaged");
            }
            String localName = new String(bytes, offset + 30, nameLength, StandardCharsets.UTF_8);
            if (!localName.equals(part.name()) || localMethod != part.method() || (localFlags & 8) != (part.flags() & 8)) {
                return Result.refused("the part '" + part.name() + "' is stored differently from what the zip directory says");
            }
            if ((localFlags & 8) == 0 && (Integer.toUnsignedLong(zip.getInt(offset + 18)) != part.compressedSize()
                    || Integer.toUnsignedLong(zip.getInt(offset + 22)) != part.size())) {
                return Result.refused("the part '" + part.name() + "' has another size than the zip directory says");
            }
            next = offset + 30L + nameLength + extra + part.compressedSize();
            if ((localFlags & 8) != 0) {
                // A data descriptor follows: 12 bytes, or 16 with its optional signature.
                if (next + 12 > directoryOffset) {
                    return Result.refused("the part '" + part.name() + "' is damaged");
                }
                int skip = zip.getInt((int) next) == DESCRIPTOR ? 4 : 0;
                if (next + skip + 12 > directoryOffset
                        || Integer.toUnsignedLong(zip.getInt((int) next + skip + 4)) != part.compressedSize()
                        || Integer.toUnsignedLong(zip.getInt((int) next + skip + 8)) != part.size()) {
                    return Result.refused("the part '" + part.name() + "' has another size than the zip directory says");
                }
                next += skip + 12;
            }
        }
        if (next != directoryOffset) {
            return Result.refused("it has bytes between its last part and its zip directory");
        }
        return new Result(List.copyOf(parts), Optional.empty());
    }

    /** The parts as listed, or (when {@code refusal} is present) why the package is refused. */
    record Result(List<Part> parts, Optional<String> refusal) {
        static Result refused(String why) {
            return new Result(List.of(), Optional.of(why));
        }
    }
}
