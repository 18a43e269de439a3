package org.safeguarding.rules.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What is known about one incident. Every fact defaults to UNKNOWN: a fact nobody has
 * established is never read as "no". Build one with {@link #builder()}.
 *
 * @param people    who was involved, with ages; may be empty
 * @param consentByStep what was agreed at each step (making, sending, forwarding), where it differs;
 *                  {@link ConsentByStep#NOT_KNOWN} when nothing is said of the steps
 * @param reference the caller's own reference, echoed back in the recommendation and never
 *                  logged; {@code null} when there is none
 */
public record Incident(
        Answer immediateDanger,
        Answer selfHarmRisk,
        Answer adultInvolved,
        Answer intendedHarm,
        Answer consentGiven,
        Answer coercionOrBlackmail,
        Answer capacityConcern,
        Answer atypicalOrViolentContent,
        Answer under13SexualActivity,
        Answer profitMotive,
        Answer parentalRisk,
        Answer childDistressed,
        MediaType mediaType,
        Sharing sharing,
        Device device,
        Answer adultIsStaffOrVolunteer,
        Answer threatToShare,
        SocialCareStatus socialCareStatus,
        Answer onlineContact,
        Answer staffOrVolunteerUnder18,
        ImageryOrigin imageryOrigin,
        List<Person> people,
        ConsentByStep consentByStep,
        String reference) {
    private static final Fact[] FACTS = Fact.values();
    private static final Enum<?>[] UNKNOWNS = java.util.Arrays.stream(FACTS).map(Fact::unknown).toArray(Enum<?>[]::new);

    /** Whether a caller's reference is 1 to 64 characters of A-Z, a-z, 0-9, dot, underscore and hyphen. */
    public static boolean isValidReference(String reference) {
        if (reference.isEmpty() || reference.length() > 64) {
            return false;
        }
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    public Incident {
        for (Fact fact : FACTS) {
            Objects.requireNonNull(valueOf(fact, immediateDanger, selfHarmRisk, adultInvolved, intendedHarm,
                    consentGiven, coercionOrBlackmail, capacityConcern, atypicalOrViolentContent,
                    under13SexualActivity, profitMotive, parentalRisk, childDistressed, mediaType, sharing, device,
                    adultIsStaffOrVolunteer, threatToShare, socialCareStatus, onlineContact, staffOrVolunteerUnder18, imageryOrigin),
                    fact.fieldName());
        }
        people = List.copyOf(Objects.requireNonNull(people, "people"));
        Objects.requireNonNull(consentByStep, "consentByStep");
        if (reference != null && !isValidReference(reference)) {
            throw new IllegalArgumentException("reference must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
        }
    }

    /** The value of one fact. */
    public Enum<?> value(Fact fact) {
        return valueOf(fact, immediateDanger, selfHarmRisk, adultInvolved, intendedHarm, consentGiven,
                coercionOrBlackmail, capacityConcern, atypicalOrViolentContent, under13SexualActivity,
                profitMotive, parentalRisk, childDistressed, mediaType, sharing, device, adultIsStaffOrVolunteer,
                threatToShare, socialCareStatus, onlineContact, staffOrVolunteerUnder18, imageryOrigin);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding the same values as this incident. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        for (Fact fact : Fact.values()) {
            builder.set(fact, value(fact));
        }
        return builder.people(people).consentByStep(consentByStep).reference(reference);
    }

    @SuppressWarnings("java:S107") // one parameter per fact keeps the switch total and checked by the compiler
    private static Enum<?> valueOf(Fact fact, Answer immediateDanger, Answer selfHarmRisk, Answer adultInvolved,
                                   Answer intendedHarm, Answer consentGiven, Answer coercionOrBlackmail,
                                   Answer capacityConcern, Answer atypicalOrViolentContent,
                                   Answer under13SexualActivity, Answer profitMotive, Answer parentalRisk,
                                   Answer childDistressed, MediaType mediaType, Sharing sharing, Device device,
                                   Answer adultIsStaffOrVolunteer, Answer threatToShare,
                                   SocialCareStatus socialCareStatus, Answer onlineContact,
                                   Answer staffOrVolunteerUnder18, ImageryOrigin imageryOrigin) {
        return switch (fact) {
            case IMMEDIATE_DANGER -> immediateDanger;
            case SELF_HARM_RISK -> selfHarmRisk;
            case ADULT_INVOLVED -> adultInvolved;
            case INTENDED_HARM -> intendedHarm;
            case CONSENT_GIVEN -> consentGiven;
            case COERCION_OR_BLACKMAIL -> coercionOrBlackmail;
            case CAPACITY_CONCERN -> capacityConcern;
            case ATYPICAL_OR_VIOLENT_CONTENT -> atypicalOrViolentContent;
            case UNDER13_SEXUAL_ACTIVITY -> under13SexualActivity;
            case PROFIT_MOTIVE -> profitMotive;
            case PARENTAL_RISK -> parentalRisk;
            case CHILD_DISTRESSED -> childDistressed;
            case MEDIA_TYPE -> mediaType;
            case SHARING -> sharing;
            case DEVICE -> device;
            case ADULT_IS_STAFF_OR_VOLUNTEER -> adultIsStaffOrVolunteer;
            case THREAT_TO_SHARE -> threatToShare;
            case SOCIAL_CARE_STATUS -> socialCareStatus;
            case ONLINE_CONTACT -> onlineContact;
            case STAFF_OR_VOLUNTEER_UNDER18 -> staffOrVolunteerUnder18;
            case IMAGERY_ORIGIN -> imageryOrigin;
        };
    }

    /** Builds an {@link Incident}; every fact starts UNKNOWN. */
    public static final class Builder {
        /** By fact ordinal: a plain array, since services build one incident per request. */
        private final Enum<?>[] values = UNKNOWNS.clone();
        private final List<Person> people = new ArrayList<>();
        private ConsentByStep consentByStep = ConsentByStep.NOT_KNOWN;
        private String reference;

        private Builder() {
        }

        /**
         * Sets any fact; the value must come from {@link Fact#type()}.
         *
         * @throws NullPointerException     if the value is null (use the fact's UNKNOWN instead)
         * @throws IllegalArgumentException if the value is of another fact's type
         */
        public Builder set(Fact fact, Enum<?> value) {
            Objects.requireNonNull(value, fact.fieldName());
            if (!fact.type().isInstance(value)) {
                throw new IllegalArgumentException(fact.fieldName() + " takes a " + fact.type().getSimpleName()
                        + ", not " + value.getClass().getSimpleName());
            }
            values[fact.ordinal()] = value;
            return this;
        }

        public Builder immediateDanger(Answer v) { return set(Fact.IMMEDIATE_DANGER, v); }
        public Builder selfHarmRisk(Answer v) { return set(Fact.SELF_HARM_RISK, v); }
        public Builder adultInvolved(Answer v) { return set(Fact.ADULT_INVOLVED, v); }
        public Builder intendedHarm(Answer v) { return set(Fact.INTENDED_HARM, v); }
        public Builder consentGiven(Answer v) { return set(Fact.CONSENT_GIVEN, v); }
        public Builder coercionOrBlackmail(Answer v) { return set(Fact.COERCION_OR_BLACKMAIL, v); }
        public Builder capacityConcern(Answer v) { return set(Fact.CAPACITY_CONCERN, v); }
        public Builder atypicalOrViolentContent(Answer v) { return set(Fact.ATYPICAL_OR_VIOLENT_CONTENT, v); }
        public Builder under13SexualActivity(Answer v) { return set(Fact.UNDER13_SEXUAL_ACTIVITY, v); }
        public Builder profitMotive(Answer v) { return set(Fact.PROFIT_MOTIVE, v); }
        public Builder parentalRisk(Answer v) { return set(Fact.PARENTAL_RISK, v); }
        public Builder childDistressed(Answer v) { return set(Fact.CHILD_DISTRESSED, v); }
        public Builder mediaType(MediaType v) { return set(Fact.MEDIA_TYPE, v); }
        public Builder sharing(Sharing v) { return set(Fact.SHARING, v); }
        public Builder device(Device v) { return set(Fact.DEVICE, v); }
        public Builder adultIsStaffOrVolunteer(Answer v) { return set(Fact.ADULT_IS_STAFF_OR_VOLUNTEER, v); }
        public Builder threatToShare(Answer v) { return set(Fact.THREAT_TO_SHARE, v); }
        public Builder socialCareStatus(SocialCareStatus v) { return set(Fact.SOCIAL_CARE_STATUS, v); }
        public Builder onlineContact(Answer v) { return set(Fact.ONLINE_CONTACT, v); }
        public Builder staffOrVolunteerUnder18(Answer v) { return set(Fact.STAFF_OR_VOLUNTEER_UNDER18, v); }
        public Builder imageryOrigin(ImageryOrigin v) { return set(Fact.IMAGERY_ORIGIN, v); }

        /**
         * Adds a person of known age.
         *
         * @throws NullPointerException     if the role is null
         * @throws IllegalArgumentException if the age is outside 0 to {@value Person#MAX_AGE}
         */
        public Builder person(Role role, int age) {
            people.add(new Person(role, age));
            return this;
        }

        /**
         * Adds a person whose age is not known.
         *
         * @throws NullPointerException if the role is null
         */
        public Builder person(Role role) {
            people.add(Person.ofUnknownAge(role));
            return this;
        }

        /**
         * Adds a person.
         *
         * @throws NullPointerException if the person is null
         */
        public Builder person(Person person) {
            people.add(Objects.requireNonNull(person, "person"));
            return this;
        }

        /**
         * What was agreed at each step (making, sending, forwarding).
         *
         * @throws NullPointerException if it is null (use {@link ConsentByStep#NOT_KNOWN})
         */
        public Builder consentByStep(ConsentByStep steps) {
            this.consentByStep = Objects.requireNonNull(steps, "consentByStep");
            return this;
        }

        /**
         * Replaces the people listed so far.
         *
         * @throws NullPointerException if the list or one of its people is null
         */
        public Builder people(List<Person> replacement) {
            List<Person> checked = List.copyOf(replacement);
            people.clear();
            people.addAll(checked);
            return this;
        }

        /**
         * The caller's own reference for the incident, returned in the recommendation and never
         * logged: 1 to 64 characters of A-Z, a-z, 0-9, dot, underscore and hyphen
         * ({@link Incident#isValidReference}), or null for none.
         *
         * @throws IllegalArgumentException if it is not a valid reference
         */
        public Builder reference(String reference) {
            if (reference != null && !isValidReference(reference)) {
                throw new IllegalArgumentException("reference must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
            }
            this.reference = reference;
            return this;
        }

        public Incident build() {
            return new Incident(
                    (Answer) values[Fact.IMMEDIATE_DANGER.ordinal()], (Answer) values[Fact.SELF_HARM_RISK.ordinal()],
                    (Answer) values[Fact.ADULT_INVOLVED.ordinal()], (Answer) values[Fact.INTENDED_HARM.ordinal()],
                    (Answer) values[Fact.CONSENT_GIVEN.ordinal()], (Answer) values[Fact.COERCION_OR_BLACKMAIL.ordinal()],
                    (Answer) values[Fact.CAPACITY_CONCERN.ordinal()], (Answer) values[Fact.ATYPICAL_OR_VIOLENT_CONTENT.ordinal()],
                    (Answer) values[Fact.UNDER13_SEXUAL_ACTIVITY.ordinal()], (Answer) values[Fact.PROFIT_MOTIVE.ordinal()],
                    (Answer) values[Fact.PARENTAL_RISK.ordinal()], (Answer) values[Fact.CHILD_DISTRESSED.ordinal()],
                    (MediaType) values[Fact.MEDIA_TYPE.ordinal()], (Sharing) values[Fact.SHARING.ordinal()],
                    (Device) values[Fact.DEVICE.ordinal()], (Answer) values[Fact.ADULT_IS_STAFF_OR_VOLUNTEER.ordinal()],
                    (Answer) values[Fact.THREAT_TO_SHARE.ordinal()],
                    (SocialCareStatus) values[Fact.SOCIAL_CARE_STATUS.ordinal()], (Answer) values[Fact.ONLINE_CONTACT.ordinal()],
                    (Answer) values[Fact.STAFF_OR_VOLUNTEER_UNDER18.ordinal()],
                    (ImageryOrigin) values[Fact.IMAGERY_ORIGIN.ordinal()], people, consentByStep, reference);
        }
    }
}
