package org.safeguarding.rules.tables;

/** What a column of a rule sheet holds, and so which Drools keyword heads it. */
public enum ColumnKind {
    ID("NAME"),
    DESCRIPTION("DESCRIPTION"),
    CONDITION("CONDITION"),
    OUTCOME("ACTION"),
    GUIDANCE("METADATA");

    private final String keyword;

    ColumnKind(String keyword) {
        this.keyword = keyword;
    }

    /** The exact Drools keyword the template puts in the keyword row. */
    public String keyword() {
        return keyword;
    }
}
