package org.safeguarding.rules.analysis;

/**
 * The safety properties of decision model section 6, each numbered and named once: every finding
 * the analyser makes is one of these. 14 and 15 are the product's own, beyond the model's 13.
 */
enum SafetyProperty {
    COMPLETE(1, "complete"),
    MONOTONE(2, "monotone"),
    EMERGENCY_WITH_DANGER(3, "EMERGENCY if and only if immediate danger; CALL_999 if and only if EMERGENCY"),
    INTERNAL_ACTIONS(4, "internal actions only when handled internally"),
    PARENTS_NOT_AT_RISK(5, "parents not involved when they are a risk"),
    DO_NOT_VIEW_AND_RECORD(6, "always do not view and record"),
    PROVISIONAL(7, "provisional matches its definition, questions and all"),
    NEVER_LAXER(8, "never laxer than the guidance"),
    NEVER_WITHOUT_ADVICE(9, "never without advice"),
    REASONS_AGREE(10, "reasons agree with the decision"),
    STAFF_ALLEGATIONS(11, "staff allegations go to the LADO"),
    WORDS_AGREE(12, "words agree with the decision"),
    PROVEN_IS_SERVED(13, "what is proven is what is served"),
    THREAT_TO_SHARE(14, "a threat to share gets the sextortion advice, the police and CEOP"),
    SOCIAL_CARE(15, "a child known to children's social care: their social worker is told");

    final int number;
    final String title;

    SafetyProperty(int number, String title) {
        this.number = number;
        this.title = title;
    }
}
