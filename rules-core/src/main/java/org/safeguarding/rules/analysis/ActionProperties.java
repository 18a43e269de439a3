package org.safeguarding.rules.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.SocialCareStatus;
import org.safeguarding.rules.engine.FactVector;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * The properties of the second step, for the actions served to one combination: CALL_999 with
 * EMERGENCY (3), internal actions (4), parents (5), do not view and record (6), a policy only adds
 * (8), staff allegations (11), the served actions are the rows' union (13), a threat to share (14)
 * and social care (15). Each check is made in the walk of the block of facts it reads (see
 * {@link ActionBlocks}), which its unit names.
 */
final class ActionProperties {
    /** What a child threatened with the sharing of imagery always gets (NCA 2024): the advice, the police and CEOP. */
    private static final List<ActionCode> SEXTORTION_CODES = List.of(ActionCode.SEXTORTION_ADVICE, ActionCode.REPORT_TO_POLICE,
            ActionCode.REPORT_TO_CEOP);
    /** What an allegation against someone who works or volunteers for the setting always gets (KCSIE Part 4). */
    private static final List<ActionCode> STAFF_ALLEGATION_CODES = List.of(ActionCode.REFER_LADO, ActionCode.INFORM_HEADTEACHER);
    private static final List<ActionCode> INTERNAL_ONLY = List.of(ActionCode.HANDLE_WITHIN_ORGANISATION, ActionCode.REQUEST_DELETION);
    private static final ActionBlocks.Unit CALL_999_UNIT = ActionBlocks.Unit.of(Set.of(ActionCode.CALL_999), Fact.IMMEDIATE_DANGER);
    private static final ActionBlocks.Unit PARENTS_UNIT = ActionBlocks.Unit.of(Set.of(ActionCode.INVOLVE_PARENTS), Fact.PARENTAL_RISK);
    private static final ActionBlocks.Unit LADO_UNIT = ActionBlocks.Unit.of(Set.copyOf(STAFF_ALLEGATION_CODES),
            Fact.ADULT_IS_STAFF_OR_VOLUNTEER, Fact.STAFF_OR_VOLUNTEER_UNDER18);
    private static final ActionBlocks.Unit SEXTORTION_UNIT = ActionBlocks.Unit.of(Set.copyOf(SEXTORTION_CODES), Fact.THREAT_TO_SHARE);
    private static final ActionBlocks.Unit SOCIAL_CARE_UNIT = ActionBlocks.Unit.of(Set.of(ActionCode.INFORM_SOCIAL_WORKER,
            ActionCode.INFORM_VIRTUAL_SCHOOL_HEAD), Fact.SOCIAL_CARE_STATUS);
    /** The facts these checks read, whatever the rows read: every value of each is tried. */
    static final List<Fact> READ = List.of(Fact.IMMEDIATE_DANGER, Fact.PARENTAL_RISK, Fact.ADULT_IS_STAFF_OR_VOLUNTEER,
            Fact.ADULT_INVOLVED, Fact.THREAT_TO_SHARE, Fact.STAFF_OR_VOLUNTEER_UNDER18);

    private final Proof proof;
    /** Whether the Actions sheet can say what a threat to share needs: a workbook made before the column is told so in a setup warning. */
    private final boolean threatColumn;
    /** The same for a child known to children's social care. */
    private final boolean socialCareColumn;
    /** The same for someone under 18 who works or volunteers for the setting. */
    private final boolean youngStaffColumn;

    ActionProperties(Proof proof) {
        this.proof = proof;
        this.threatColumn = proof.tables.hasColumn(TableTemplate.ACTIONS, Fact.THREAT_TO_SHARE.fieldName());
        this.socialCareColumn = proof.tables.hasColumn(TableTemplate.ACTIONS, Fact.SOCIAL_CARE_STATUS.fieldName());
        this.youngStaffColumn = proof.tables.hasColumn(TableTemplate.ACTIONS, Fact.STAFF_OR_VOLUNTEER_UNDER18.fieldName());
    }

    static List<ActionBlocks.Unit> units() {
        return List.of(CALL_999_UNIT, PARENTS_UNIT, LADO_UNIT, SEXTORTION_UNIT, SOCIAL_CARE_UNIT);
    }

    /**
     * Who is told about a child already known to children's social care (KCSIE, Part 2): the
     * social worker of a child in need, on a child protection plan or looked after, and a
     * looked-after child's virtual school head too.
     */
    static List<ActionCode> toldOfSocialCare(SocialCareStatus status) {
        return switch (status) {
            case CHILD_IN_NEED, CHILD_PROTECTION_PLAN -> List.of(ActionCode.INFORM_SOCIAL_WORKER);
            case LOOKED_AFTER -> List.of(ActionCode.INFORM_SOCIAL_WORKER, ActionCode.INFORM_VIRTUAL_SCHOOL_HEAD);
            case NONE, UNKNOWN -> List.of();
        };
    }

    /**
     * Property 13 for the walk by blocks, which stands on the served actions being the union of
     * what each row gives: checked wherever it walks, so a fault in assembling or remembering them is found.
     */
    void checkUnion(FactVector values, Decider.PathwayStep step, Decider.ActionsPart served, Decider.ActionsPart held) {
        if (proof.pass() != ActionBlocks.NONE && !outsideThePass(served).equals(outsideThePass(held))) {
            proof.findings.of(SafetyProperty.PROVEN_IS_SERVED, "the actions served for these facts are not those the rows that fire "
                    + "give: changing " + proof.blocks().blocks().get(proof.pass()) + " changed actions no row reading them gives.",
                    values, Map.of("pathway", step.pathway().name()), Proof.ruleIds(served.reasons()));
        }
    }

    void check(FactVector values, Decider.PathwayStep step, Decider.ActionsPart served, Map<String, String> context, List<String> rules) {
        Pathway pathway = step.pathway();
        List<ActionCode> actions = served.actionCodes();
        Findings findings = proof.findings;
        if (proof.inPass(CALL_999_UNIT) && actions.contains(ActionCode.CALL_999) != (pathway == Pathway.EMERGENCY)) {
            findings.of(SafetyProperty.EMERGENCY_WITH_DANGER, pathway == Pathway.EMERGENCY
                    ? "an EMERGENCY decision (a child in immediate danger) does not include CALL_999."
                    : "CALL_999 is recommended outside EMERGENCY.", values, context, rules);
        }
        for (ActionCode internalOnly : INTERNAL_ONLY) {
            if (proof.inPass(internalOnly) && actions.contains(internalOnly) && pathway != Pathway.HANDLE_INTERNALLY) {
                findings.of(SafetyProperty.INTERNAL_ACTIONS, internalOnly + " is recommended on the " + pathway
                        + " pathway, where a referral is needed.", values, context, proof.rulesGiving(rules, internalOnly));
            }
        }
        if (proof.inPass(PARENTS_UNIT) && actions.contains(ActionCode.INVOLVE_PARENTS) && values.answer(Fact.PARENTAL_RISK) == Answer.YES) {
            findings.of(SafetyProperty.PARENTS_NOT_AT_RISK, "INVOLVE_PARENTS is recommended although parentalRisk is true.",
                    values, context, proof.rulesGiving(rules, ActionCode.INVOLVE_PARENTS));
        }
        for (ActionCode always : List.of(ActionCode.DO_NOT_VIEW_IMAGERY, ActionCode.RECORD_INCIDENT)) {
            if (proof.inPass(always) && !actions.contains(always)) {
                findings.of(SafetyProperty.DO_NOT_VIEW_AND_RECORD, always + " is missing.", values, context, rules);
            }
        }
        checkStaffAllegations(values, actions, context, rules);
        if (proof.inPass(SEXTORTION_UNIT) && values.answer(Fact.THREAT_TO_SHARE) == Answer.YES && threatColumn) {
            for (ActionCode needed : missing(SEXTORTION_CODES, actions)) {
                findings.of(SafetyProperty.THREAT_TO_SHARE, "someone threatens to share imagery of the child (threatToShare), but "
                        + needed + " is not recommended. Add a rule to the Actions sheet with 'Threat to share?' YES and the action "
                        + needed + "; a workbook made before that column existed needs it first (insert 'Threat to share?' after "
                        + "'Media type is not').", values, context, rules);
            }
        }
        if (proof.inPass(SOCIAL_CARE_UNIT) && socialCareColumn) {
            Enum<?> status = values.get(Fact.SOCIAL_CARE_STATUS);
            for (ActionCode needed : missing(toldOfSocialCare((SocialCareStatus) status), actions)) {
                findings.of(SafetyProperty.SOCIAL_CARE, "a child involved is " + status + " (socialCareStatus), but " + needed
                        + " is not recommended. Add a rule to the Actions sheet with 'Social care status' " + status + " and the action "
                        + needed + "; a workbook made before that column existed needs it first (insert 'Social care status' after "
                        + "'Threat to share?').", values, context, rules);
            }
        }
        if (step.table() != step.served()) {
            checkPolicyOnlyAdds(values, step, served, context);
        }
    }

    private void checkStaffAllegations(FactVector values, List<ActionCode> actions, Map<String, String> context, List<String> rules) {
        if (!proof.inPass(LADO_UNIT)) {
            return;
        }
        if (values.answer(Fact.ADULT_IS_STAFF_OR_VOLUNTEER) == Answer.YES) {
            for (ActionCode needed : missing(STAFF_ALLEGATION_CODES, actions)) {
                proof.findings.of(SafetyProperty.STAFF_ALLEGATIONS, "the adult involved works or volunteers for the setting, but "
                        + needed + " is not recommended. Add a rule to the Actions sheet with 'Adult is staff or volunteer?' YES and the "
                        + "action " + needed + "; a workbook made before that column existed needs it first (insert 'Adult is staff or "
                        + "volunteer?' and then 'Police criterion?' before 'Media type is not').", values, context, rules);
            }
        }
        if (youngStaffColumn && values.answer(Fact.STAFF_OR_VOLUNTEER_UNDER18) == Answer.YES) {
            for (ActionCode needed : missing(STAFF_ALLEGATION_CODES, actions)) {
                proof.findings.of(SafetyProperty.STAFF_ALLEGATIONS, "someone under 18 who works or volunteers for the setting is "
                        + "involved (staffOrVolunteerUnder18), but " + needed + " is not recommended: KCSIE Part 4 covers everyone who "
                        + "works with children, whatever their age. Add a rule to the Actions sheet with 'Staff or volunteer under 18?' "
                        + "YES and the action " + needed + ".", values, context, rules);
            }
        }
    }

    /**
     * Property 8 for the Policy sheet: a setting may only add. Where its rows changed the pathway
     * or the provisional flag, the served actions keep every action the tables give on their own
     * (but for the internal-only actions, which never go with a referral).
     */
    private void checkPolicyOnlyAdds(FactVector values, Decider.PathwayStep step, Decider.ActionsPart served, Map<String, String> context) {
        Decider.ActionsPart tablesAlone = proof.decider.actionsStep(values, proof.youngest, new Decider.PathwayStep(step.table(), step.table()));
        List<ActionCode> kept = served.actionCodes();
        for (ActionCode code : tablesAlone.actionCodes()) {
            if (proof.inPass(code) && !kept.contains(code) && !INTERNAL_ONLY.contains(code)) {
                proof.findings.of(SafetyProperty.NEVER_LAXER, "the setting's policy takes away " + code + ", which the tables give for "
                        + "these facts: a policy may only make advice stricter.", values, context,
                        Proof.ruleIds(step.served().reasons()).stream().filter(id -> proof.rowsById.get(id).sheet() == TableTemplate.POLICY).toList());
            }
        }
    }

    private static List<ActionCode> missing(List<ActionCode> needed, List<ActionCode> actions) {
        return needed.stream().filter(code -> !actions.contains(code)).toList();
    }

    private List<Action> outsideThePass(Decider.ActionsPart served) {
        return served.actions().stream().filter(action -> proof.blocks().ofCode(action.code()) != proof.pass()).toList();
    }
}
