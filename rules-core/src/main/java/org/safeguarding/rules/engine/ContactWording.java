package org.safeguarding.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.RuleSetException;
import org.safeguarding.rules.tables.ContactText;
import org.safeguarding.rules.tables.RuleTables;

/**
 * An organisation's own contacts over a proven rule set: the action texts that name a contact,
 * filled in with the organisation's values instead of the Contacts sheet's. Only the texts that
 * change are held (a few hundred bytes), and the rule set is shared, so an MIS keeps one engine per
 * school or local authority at little cost; decisions are untouched, only their words.
 */
public final class ContactWording {
    private static final ContactWording NONE = new ContactWording(Map.of(), Map.of());

    /** Action text as the rule set has it, to the same text with this organisation's contacts. */
    private final Map<String, String> reworded;
    private final Map<String, String> settings;

    private ContactWording(Map<String, String> reworded, Map<String, String> settings) {
        this.reworded = reworded;
        this.settings = settings;
    }

    /** No contacts of its own: the Contacts sheet's. */
    public static ContactWording none() {
        return NONE;
    }

    /**
     * The wording for these settings on top of {@code earlier} (an engine made from another keeps
     * the other's settings unless replaced).
     *
     * @throws RuleSetException naming a setting that is not on the Contacts sheet, or is blank
     */
    public static ContactWording of(RuleTables tables, ContactWording earlier, Map<String, String> settings) throws RuleSetException {
        List<Problem> problems = new ArrayList<>();
        settings.forEach((name, value) -> {
            if (!tables.contacts().containsKey(name)) {
                problems.add(new Problem("", "", "", "The contact setting " + name + " is not on the Contacts sheet, so no text uses it. "
                        + "Use one of " + String.join(", ", tables.contacts().keySet()) + "."));
            } else if (value == null || value.isBlank()) {
                problems.add(new Problem("", "", "", "The contact setting " + name
                        + " is blank: give its value, or leave it out to use the Contacts sheet's."));
            }
        });
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        Map<String, String> merged = new LinkedHashMap<>(earlier.settings);
        merged.putAll(settings);
        Map<String, String> contacts = new HashMap<>(tables.contacts());
        contacts.putAll(merged);
        Map<String, String> reworded = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : tables.contactTemplates().entrySet()) {
            String text = null;
            for (String template : entry.getValue()) {
                String filled = ContactText.fill(template, contacts, unknown -> { });
                if (text != null && !text.equals(filled)) {
                    // Two texts read alike with the sheet's values but name different contacts: no way to tell which a decision quotes.
                    throw new RuleSetException(List.of(new Problem("", "", "", "Two action texts read the same with the Contacts "
                            + "sheet's values but name different contacts (\"" + template + "\"): give those contacts different "
                            + "values on the Contacts sheet, so that each organisation's numbers can be filled in.")));
                }
                text = filled;
            }
            if (!text.equals(entry.getKey())) {
                reworded.put(entry.getKey(), text);
            }
        }
        return new ContactWording(Map.copyOf(reworded), Map.copyOf(merged));
    }

    /** The recommendation in this organisation's words; the same object when none of its actions names a contact. */
    public Recommendation apply(Recommendation recommendation) {
        if (reworded.isEmpty()) {
            return recommendation;
        }
        List<Action> actions = recommendation.actions();
        List<Action> words = null;
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            String text = reworded.get(action.text());
            if (text != null) {
                if (words == null) {
                    words = new ArrayList<>(actions);
                }
                words.set(i, new Action(action.code(), text, action.guidance()));
            }
        }
        return words == null ? recommendation : new Recommendation(recommendation.decisionId(), recommendation.reference(),
                recommendation.pathway(), recommendation.provisional(), recommendation.summary(), words, recommendation.questions(),
                recommendation.reasons(), recommendation.derivedFacts(), recommendation.warnings(), recommendation.ruleSet());
    }

    /** The action in this organisation's words. */
    public Action apply(Action action) {
        String text = reworded.get(action.text());
        return text == null ? action : new Action(action.code(), text, action.guidance());
    }

    /** The rule set's setup warnings but those about a contact this organisation has set. */
    public List<Problem> setupWarnings(List<Problem> warnings) {
        if (settings.isEmpty()) {
            return warnings;
        }
        return warnings.stream().filter(w -> settings.keySet().stream().noneMatch(name -> w.message().startsWith("The contact " + name + " "))).toList();
    }
}
