package org.safeguarding.rules.tables;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A workbook's name and bytes, exactly as supplied. Reading never changes the bytes, so the
 * rule set version (a hash over them) names what a lead actually edited.
 */
public record Workbook(String name, byte[] bytes) {
    public Workbook {
        Objects.requireNonNull(name, "name");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] bytesUnsafe() {
        return bytes;
    }

    /**
     * Whether this file is part of a rule set: its name has {@code .drl.} in it (so a rule
     * workbook saved as {@code .drl.xlsm} is still recognised, and refused). Other spreadsheets,
     * such as scenario workbooks, are not.
     */
    public boolean isRuleWorkbook() {
        return name.toLowerCase(java.util.Locale.ROOT).contains(".drl.");
    }

    /** The rule set version: SHA-256 over the workbooks' bytes, taken in name order. */
    public static String sha256Of(java.util.List<Workbook> workbooks) {
        MessageDigest digest = sha256();
        workbooks.stream().sorted(java.util.Comparator.comparing(Workbook::name)).forEach(w -> digest.update(w.bytes));
        return hex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
