package org.safeguarding.rules.api;

/** Every action the rules can recommend (decision model, section 3). */
public enum ActionCode {
    CALL_999,
    /** A provisional decision's first step: the DSL's initial review meeting, today (UKCIS 2024). */
    INITIAL_REVIEW_MEETING,
    REFER_CHILDRENS_SOCIAL_CARE,
    REPORT_TO_POLICE,
    PRESERVE_EVIDENCE,
    REPORT_TO_CEOP,
    /** The adult involved works or volunteers for the setting: tell the LADO (KCSIE Part 4). */
    REFER_LADO,
    /** The adult involved works or volunteers for the setting: tell the headteacher, or the chair of governors when it is the head. */
    INFORM_HEADTEACHER,
    CONTACT_NSPCC_HELPLINE,
    HANDLE_WITHIN_ORGANISATION,
    REQUEST_DELETION,
    DO_NOT_VIEW_IMAGERY,
    RECORD_INCIDENT,
    ONGOING_SUPPORT,
    REVIEW_INCIDENT,
    ISOLATE_DEVICE,
    INVOLVE_PARENTS,
    WITHHOLD_FROM_PARENTS,
    ASSESS_PARENTAL_RISK,
    OFFER_COUNSELLING,
    CHILDLINE_REPORT_REMOVE,
    REPORT_TO_IWF,
    REPORT_TO_HOSTING_SITE,
    /**
     * Someone threatens to share imagery unless the child pays or sends more (sexual extortion):
     * what to tell the young person (NCA and UK Safer Internet Centre advice).
     */
    SEXTORTION_ADVICE,
    /** A child involved has a social worker (child in need, child protection plan, looked after): tell them (KCSIE, Part 2). */
    INFORM_SOCIAL_WORKER,
    /** A child involved is looked after: tell the virtual school head as well (KCSIE, Part 2). */
    INFORM_VIRTUAL_SCHOOL_HEAD,
    /**
     * The imagery was made or altered by software (AI, "nudify" apps): treat it as real, and tell
     * the child pictured that they are a victim who never took or sent it (UKCIS 2024, Annex D).
     */
    AI_IMAGERY_ADVICE,
    /** Sexual imagery was made from photographs the setting published: take the originals down, and the IWF blocks the images. */
    REMOVE_SOURCE_PHOTOGRAPHS,
    /** A child asked another for a nude with no image sent: respond to it as harmful sexual behaviour. */
    RESPOND_TO_HARMFUL_SEXUAL_BEHAVIOUR
}
