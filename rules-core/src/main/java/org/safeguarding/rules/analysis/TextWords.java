package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.safeguarding.rules.api.ActionCode;

/**
 * What a text a lead reads commits to (safety property 12): which services it names as
 * certain, whether it tells staff to tell the parents, and whether it tells staff to handle the
 * imagery. The product's own reading, so no workbook can switch it off: a sentence that holds
 * "if", "unless", "where" or "whether" says plainly that it is conditional, and names nothing as
 * certain; a web address is not a mention ("ceop.police.uk" names no police).
 *
 * @param services     services named outside any conditional sentence
 * @param tellsParents a sentence that tells staff to tell or involve the parents, unconditionally
 * @param handlesImagery a sentence that tells staff to view, copy, save, upload or delete imagery
 */
record TextWords(Set<Service> services, boolean tellsParents, boolean handlesImagery) {

    /** A service a text may name, and the actions that involve it. */
    enum Service {
        EMERGENCY_999("999", Pattern.compile("(?<!\\d)999(?!\\d)"), EnumSet.of(ActionCode.CALL_999)),
        POLICE("the police", Pattern.compile("\\bpolice\\b", Pattern.CASE_INSENSITIVE),
                EnumSet.of(ActionCode.REPORT_TO_POLICE, ActionCode.CALL_999)),
        SOCIAL_CARE("children's social care", Pattern.compile("social care|children['’]s services|social services", Pattern.CASE_INSENSITIVE),
                EnumSet.of(ActionCode.REFER_CHILDRENS_SOCIAL_CARE)),
        LADO("the LADO", Pattern.compile("\\bLADO\\b|designated officer", Pattern.CASE_INSENSITIVE), EnumSet.of(ActionCode.REFER_LADO)),
        CEOP("CEOP", Pattern.compile("\\bCEOP\\b", Pattern.CASE_INSENSITIVE), EnumSet.of(ActionCode.REPORT_TO_CEOP));

        final String words;
        final Pattern pattern;
        final Set<ActionCode> involvedBy;

        Service(String words, Pattern pattern, Set<ActionCode> involvedBy) {
            this.words = words;
            this.pattern = pattern;
            this.involvedBy = involvedBy;
        }

        boolean involvedIn(List<ActionCode> actions) {
            for (ActionCode action : actions) {
                if (involvedBy.contains(action)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Pattern ADDRESS = Pattern.compile("(https?://|www\\.)\\S+|\\b[\\w-]+(\\.[\\w-]+)*\\.(uk|org|com|net)(/\\S*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\\[(\"'])");
    private static final Pattern CONDITIONAL = Pattern.compile("\\b(if|unless|where|whether)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TELL_PARENTS = Pattern.compile(
            "\\b(tell|inform|involve|contact|call|phone|let)\\b[^.;:]*\\b(parents?|carers?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATED = Pattern.compile("\\b(not|never|before|no)\\b|n['’]t\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLE_IMAGERY = Pattern.compile(
            "^(please\\s+)?(view|look at|open|copy|print|save|screenshot|upload|forward|send|share|delete|download)\\b",
            Pattern.CASE_INSENSITIVE);

    static TextWords of(String text) {
        Set<Service> services = EnumSet.noneOf(Service.class);
        boolean parents = false;
        boolean imagery = false;
        for (String sentence : sentences(ADDRESS.matcher(text).replaceAll(" "))) {
            boolean conditional = CONDITIONAL.matcher(sentence).find();
            if (!conditional) {
                for (Service service : Service.values()) {
                    if (service.pattern.matcher(sentence).find()) {
                        services.add(service);
                    }
                }
                parents |= TELL_PARENTS.matcher(sentence).find() && !NEGATED.matcher(sentence).find();
            }
            imagery |= HANDLE_IMAGERY.matcher(sentence.strip()).find();
        }
        return new TextWords(services, parents, imagery);
    }

    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            if (!sentence.isBlank()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }
}
