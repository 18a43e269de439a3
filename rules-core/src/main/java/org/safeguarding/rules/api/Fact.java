package org.safeguarding.rules.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The facts an incident is described by. Each has the field name used in JSON, in the
 * decision tables' question codes and in problems, and the enum its values come from
 * (every such enum has an {@code UNKNOWN} value). New facts are added at the end, so the
 * columns of earlier workbooks keep their places.
 */
public enum Fact {
    IMMEDIATE_DANGER("immediateDanger", Answer.class),
    SELF_HARM_RISK("selfHarmRisk", Answer.class),
    ADULT_INVOLVED("adultInvolved", Answer.class),
    INTENDED_HARM("intendedHarm", Answer.class),
    CONSENT_GIVEN("consentGiven", Answer.class),
    COERCION_OR_BLACKMAIL("coercionOrBlackmail", Answer.class),
    CAPACITY_CONCERN("capacityConcern", Answer.class),
    ATYPICAL_OR_VIOLENT_CONTENT("atypicalOrViolentContent", Answer.class),
    UNDER13_SEXUAL_ACTIVITY("under13SexualActivity", Answer.class),
    PROFIT_MOTIVE("profitMotive", Answer.class),
    PARENTAL_RISK("parentalRisk", Answer.class),
    CHILD_DISTRESSED("childDistressed", Answer.class),
    MEDIA_TYPE("mediaType", MediaType.class),
    SHARING("sharing", Sharing.class),
    DEVICE("device", Device.class),
    /** The adult involved works or volunteers for the setting: an allegation against staff (KCSIE Part 4). */
    ADULT_IS_STAFF_OR_VOLUNTEER("adultIsStaffOrVolunteer", Answer.class),
    /**
     * Someone threatens to share imagery of the child unless they pay or send more (sexual
     * extortion, "sextortion"): a threat is blackmail, so YES makes coercionOrBlackmail YES.
     */
    THREAT_TO_SHARE("threatToShare", Answer.class),
    /** A child involved is already known to children's social care: their social worker is told (KCSIE, Part 2). */
    SOCIAL_CARE_STATUS("socialCareStatus", SocialCareStatus.class),
    /**
     * Someone involved is known to the child only online (a game, an app, social media): CEOP
     * takes reports of online abuse, so it is told where an adult or coercion came online.
     */
    ONLINE_CONTACT("onlineContact", Answer.class),
    /**
     * Someone under 18 who works or volunteers for the setting (a young leader, a work-experience
     * pupil) is involved: both a child to safeguard and an allegation for the LADO (KCSIE, Part 4).
     */
    STAFF_OR_VOLUNTEER_UNDER18("staffOrVolunteerUnder18", Answer.class),
    /**
     * Whether the imagery is real, made or altered by software (AI), or was only asked for: imagery
     * made by software is decided as made without the pictured child's consent, and a request with
     * no image leaves no one's consent to an image missing.
     */
    IMAGERY_ORIGIN("imageryOrigin", ImageryOrigin.class);

    private static final Map<String, Fact> BY_FIELD_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Fact::fieldName, Function.identity()));

    private final String fieldName;
    private final Class<? extends Enum<?>> type;
    private final List<Enum<?>> domain;
    private final Enum<?> unknown;

    Fact(String fieldName, Class<? extends Enum<?>> type) {
        this.fieldName = fieldName;
        this.type = type;
        this.domain = List.of(type.getEnumConstants());
        this.unknown = domain.stream().filter(v -> v.name().equals("UNKNOWN")).findFirst().orElseThrow();
    }

    /** The name used in JSON requests, questions and problems, e.g. {@code immediateDanger}. */
    public String fieldName() {
        return fieldName;
    }

    /** The enum the fact's values come from: {@link Answer}, {@link MediaType}, {@link Sharing}, {@link Device}, {@link SocialCareStatus} or {@link ImageryOrigin}. */
    public Class<? extends Enum<?>> type() {
        return type;
    }

    /** Every value the fact can take, UNKNOWN included. */
    public List<Enum<?>> domain() {
        return domain;
    }

    /** The value meaning "not yet known". */
    public Enum<?> unknown() {
        return unknown;
    }

    /** The value of this fact named {@code name} (e.g. "YES", "POSTED_ONLINE"), if there is one. */
    public Optional<Enum<?>> valueNamed(String name) {
        for (Enum<?> value : domain) {
            if (value.name().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    public static Optional<Fact> byFieldName(String fieldName) {
        return Optional.ofNullable(BY_FIELD_NAME.get(fieldName));
    }
}
