package org.safeguarding.rules.tables;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with contact placeholders such as {@code {LOCAL_CHILDRENS_SERVICES}}, filled in from the
 * Contacts sheet when a workbook is read, and again from an organisation's own contacts when an
 * engine is made for it ({@code DecisionEngine.withContacts}), without the workbook.
 */
public final class ContactText {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]*)}");

    private ContactText() {
    }

    /** Whether the text names a contact at all. */
    public static boolean hasPlaceholder(String template) {
        return template.indexOf('{') >= 0 && PLACEHOLDER.matcher(template).find();
    }

    /** The text with each placeholder replaced by its contact; one not in {@code contacts} is left as written and given to {@code unknown}. */
    public static String fill(String template, Map<String, String> contacts, Consumer<String> unknown) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder(template.length() + 32);
        while (matcher.find()) {
            String value = contacts.get(matcher.group(1));
            if (value == null) {
                unknown.accept(matcher.group(1));
                value = matcher.group();
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
