package org.safeguarding.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.ConsentByStep;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.ImageryOrigin;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Person;
import org.safeguarding.rules.api.Warning;

/**
 * Section 1 of the decision model: the facts a decision works out from the others and from the
 * people listed (an adult involved, staff, blackmail, consent), and the warnings that say what was
 * odd. The first step of every decision, and checked by the analysis over its whole domain
 * (property 13). Never refuses: the safer reading wins.
 */
public final class FactDerivation {
    private FactDerivation() {
    }

    /** The facts {@link Decider#decide} works out from these (section 1 of the decision model): the analysis checks them. */
    public static Map<Fact, Answer> derivedFrom(Incident incident) {
        return derive(incident).derived();
    }

    /** What section 1 of the decision model works out from the people listed, and what it warns about. */
    record Derivation(Map<Fact, Answer> derived, List<Warning> warnings) {
        Derivation withWarning(Warning warning) {
            List<Warning> all = new ArrayList<>(warnings);
            all.add(warning);
            return new Derivation(derived, List.copyOf(all));
        }

        /** This and {@code fact} derived as {@code value}, with the warning if there is one. */
        Derivation with(Fact fact, Answer value, Warning warning) {
            if (derived.isEmpty() && warnings.isEmpty() && warning == null) {
                return ONE_DERIVED[fact.ordinal()][value.ordinal()]; // the usual case, made once
            }
            Map<Fact, Answer> more = new java.util.EnumMap<>(Fact.class);
            more.putAll(derived);
            more.put(fact, value);
            List<Warning> all = new ArrayList<>(warnings);
            if (warning != null) {
                all.add(warning);
            }
            return new Derivation(Map.copyOf(more), List.copyOf(all));
        }
    }

    /**
     * Section 1 of the decision model: an involved person aged 18 or over makes adultInvolved
     * YES (a reporter never does), and so does an adult who works or volunteers for the setting
     * (adultIsStaffOrVolunteer YES): a member of staff is an adult involved. A threat to share
     * (threatToShare YES) makes coercionOrBlackmail YES: it is blackmail. Imagery made or altered
     * by software makes consentGiven NO: the child pictured never agreed to it. A request with no
     * image makes an unknown consentGiven YES: there is no image whose making or sharing anyone
     * could have refused (a refusal given as NO stays NO). A step refused (consentByStep) makes
     * consentGiven NO. An involved person who works or volunteers for the setting makes
     * adultIsStaffOrVolunteer YES (18 or over, or of unknown age: the safer reading) or
     * staffOrVolunteerUnder18 YES (under 18). Nothing is refused:
     * saying no adult was involved while listing one, or while saying the adult is staff, is
     * decided as an adult involved; a list without a child is decided as given; both are named in
     * warnings. Messages name fields, never their values.
     */
    static Derivation derive(Incident incident) {
        Derivation derivation = deriveAdult(incident);
        if (incident.threatToShare() == Answer.YES && incident.coercionOrBlackmail() != Answer.YES) {
            derivation = derivation.with(Fact.COERCION_OR_BLACKMAIL, Answer.YES,
                    incident.coercionOrBlackmail() == Answer.NO ? THREAT_SAID_NO_BLACKMAIL : null);
        }
        ImageryOrigin origin = incident.imageryOrigin();
        Answer consent = incident.consentGiven();
        if (origin == ImageryOrigin.UNKNOWN && incident.consentByStep().equals(ConsentByStep.NOT_KNOWN)) {
            return derivation; // most decisions: nothing more to work out
        }
        String refusedStep = incident.consentByStep().firstRefused();
        if (origin.madeBySoftware() && consent != Answer.NO) {
            derivation = derivation.with(Fact.CONSENT_GIVEN, Answer.NO, consent == Answer.YES ? MADE_BY_SOFTWARE_SAID_CONSENTED : null);
        } else if (refusedStep != null && consent != Answer.NO) {
            derivation = derivation.with(Fact.CONSENT_GIVEN, Answer.NO, consent != Answer.YES ? null
                    : new Warning("consentGiven", "is true, but consentByStep." + refusedStep + " is false: agreeing to one step "
                    + "is not agreeing to the next. Decided as without everyone's consent, the safer reading."));
        } else if (origin == ImageryOrigin.REQUEST_ONLY && consent == Answer.UNKNOWN) {
            // No image was made or shared, so nobody's consent to one is missing.
            derivation = derivation.with(Fact.CONSENT_GIVEN, Answer.YES, null);
        } else if (origin == ImageryOrigin.REQUEST_ONLY && consent == Answer.NO && refusedStep == null) {
            derivation = derivation.withWarning(REQUEST_SAID_NO_CONSENT);
        }
        return derivation;
    }

    // The warnings a decision may carry, made once: a decision is microseconds.
    private static final Warning THREAT_SAID_NO_BLACKMAIL = new Warning("coercionOrBlackmail", "is false, but threatToShare is true: a "
            + "threat to share imagery unless the child pays or sends more is blackmail. Decided as coercion or blackmail, the safer reading.");
    private static final Warning MADE_BY_SOFTWARE_SAID_CONSENTED = new Warning("consentGiven", "is true, but imageryOrigin says the "
            + "imagery was made or altered by software: the child pictured never agreed to imagery made of them. Decided as made "
            + "without consent, the safer reading.");
    private static final Warning REQUEST_SAID_NO_CONSENT = new Warning("consentGiven", "is false, but imageryOrigin is REQUEST_ONLY: "
            + "consent is about an image made or shared, and a child who refused to send one has not failed to consent to anything. "
            + "Decided as given (false), the safer reading: leave it out for a request with no image.");

    /**
     * Section 1 of the decision model for the adult: an involved person aged 18 or over, or a
     * member of staff or volunteer, makes adultInvolved YES.
     */
    private static Derivation deriveAdult(Incident incident) {
        List<Person> people = incident.people();
        boolean staff = incident.adultIsStaffOrVolunteer() == Answer.YES;
        if (people.isEmpty()) {
            // The common cases are worked out once: a decision is microseconds, and these are most of them.
            if (!staff || incident.adultInvolved() == Answer.YES) {
                return NOTHING_DERIVED;
            }
            return incident.adultInvolved() == Answer.NO ? STAFF_SAID_NO_ADULT : STAFF_IS_AN_ADULT;
        }
        List<Warning> warnings = new ArrayList<>(2);
        List<Integer> adults = List.of();
        List<Integer> adultStaff = List.of();
        List<Integer> youngStaff = List.of();
        boolean child = false;
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            if (person.isInvolvedAdult()) {
                adults = added(adults, i);
            }
            child |= person.isChild();
            if (person.worksForSetting() == Answer.YES && person.isInvolved()) {
                if (person.isChild()) {
                    youngStaff = added(youngStaff, i);
                } else {
                    adultStaff = added(adultStaff, i);
                }
                if (person.age() == null) {
                    warnings.add(new Warning("people[" + i + "].age", "is not known for someone who works or volunteers for the "
                            + "setting: decided as an adult who does (the LADO, and an adult's involvement), the safer reading. "
                            + "Give their age: someone under 18 is decided as a young leader or work-experience pupil."));
                }
            }
        }
        Map<Fact, Answer> derived = null;
        if (!adultStaff.isEmpty() && !staff) {
            staff = true;
            derived = new java.util.EnumMap<>(Fact.class);
            derived.put(Fact.ADULT_IS_STAFF_OR_VOLUNTEER, Answer.YES);
            if (incident.adultIsStaffOrVolunteer() == Answer.NO) {
                warnings.add(new Warning("adultIsStaffOrVolunteer", "is false, but " + listed(adultStaff) + " works or volunteers "
                        + "for the setting and is 18 or over, or of unknown age: decided as an allegation about an adult who works "
                        + "for the setting, the safer reading."));
            }
        }
        if (!youngStaff.isEmpty() && incident.staffOrVolunteerUnder18() != Answer.YES) {
            derived = derived == null ? new java.util.EnumMap<>(Fact.class) : derived;
            derived.put(Fact.STAFF_OR_VOLUNTEER_UNDER18, Answer.YES);
            if (incident.staffOrVolunteerUnder18() == Answer.NO) {
                warnings.add(new Warning("staffOrVolunteerUnder18", "is false, but " + listed(youngStaff) + " is under 18 and "
                        + "works or volunteers for the setting: decided as true (the LADO), the safer reading."));
            }
        }
        boolean adultDerived = (staff || !adults.isEmpty()) && incident.adultInvolved() != Answer.YES;
        if (adultDerived) {
            if (derived != null) {
                derived.put(Fact.ADULT_INVOLVED, Answer.YES);
            }
            if (incident.adultInvolved() == Answer.NO) {
                String because = adults.isEmpty() ? "adultIsStaffOrVolunteer is true"
                        : "people lists someone involved aged 18 or over (" + listed(adults) + ")";
                warnings.add(new Warning("adultInvolved", "is false, but " + because
                        + (adults.isEmpty() ? STAFF_OF_ANY_AGE : ": decided as an adult involved, the safer reading."
                        + " If that person only reported it, give their role as REPORTER.")));
            }
        }
        if (!people.isEmpty() && !child) {
            warnings.add(new Warning("people", "lists nobody known to be under 18. This advice is for incidents involving "
                    + "children, and the decision assumes one is involved: add the child, or their age."));
        }
        under13Warning(incident).ifPresent(warnings::add);
        if (incident.adultInvolved() == Answer.YES && !staff && everyInvolvedUnder18(people)) {
            warnings.add(new Warning("adultInvolved", "is true, but everyone involved in people is under 18: add the adult "
                    + "(leave out their age if it is not known). Decided as given (true), the safer reading."));
        }
        Map<Fact, Answer> all = derived != null ? Map.copyOf(derived) : adultDerived ? ADULT_INVOLVED_DERIVED : Map.of();
        return new Derivation(all, warnings.isEmpty() ? List.of() : warnings);
    }

    /** The list with {@code i} added: most lists stay empty, so none is made until one is needed. */
    private static List<Integer> added(List<Integer> list, int i) {
        List<Integer> more = list.isEmpty() ? new ArrayList<>(2) : list;
        more.add(i);
        return more;
    }

    private static String listed(List<Integer> indexes) {
        return indexes.stream().map(i -> "people[" + i + "]").collect(java.util.stream.Collectors.joining(", "));
    }

    /** Someone is involved and every involved person's age is known and under 18. */
    private static boolean everyInvolvedUnder18(List<Person> people) {
        boolean anyInvolved = false;
        for (Person person : people) {
            if (person.isInvolved()) {
                if (!person.isChild()) {
                    return false;
                }
                anyInvolved = true;
            }
        }
        return anyInvolved;
    }

    /**
     * The under-13 fact set against the ages given (issue 26), never changing the decision: ticked
     * while every involved person's age is known and none is under 13, or not ticked while an
     * involved child is under 13 (only the caller knows whether the imagery shows sexual acts).
     */
    private static Optional<Warning> under13Warning(Incident incident) {
        List<Integer> under13 = new ArrayList<>(1);
        boolean everyAgeKnown = true;
        boolean anyInvolved = false;
        for (int i = 0; i < incident.people().size(); i++) {
            Person person = incident.people().get(i);
            if (!person.isInvolved()) {
                continue;
            }
            anyInvolved = true;
            everyAgeKnown &= person.age() != null;
            if (person.age() != null && person.age() < UNDER_13) {
                under13.add(i);
            }
        }
        Answer said = incident.under13SexualActivity();
        if (said == Answer.YES && anyInvolved && everyAgeKnown && under13.isEmpty()) {
            return Optional.of(new Warning("under13SexualActivity", "is true, but nobody involved in people is under 13: "
                    + "check the ages. Decided as given (true), the safer reading."));
        }
        if (said != Answer.YES && !under13.isEmpty()) {
            return Optional.of(new Warning("under13SexualActivity", (said == Answer.NO ? "is false" : "is not yet known")
                    + ", but " + under13.stream().map(i -> "people[" + i + "]").collect(java.util.stream.Collectors.joining(", "))
                    + " is under 13. If the imagery shows sexual acts, set it to true: that alone means a referral."));
        }
        return Optional.empty();
    }

    private static final int UNDER_13 = 13;

    /** Why a member of staff or a volunteer under 18 is decided as an adult's involvement: KCSIE Part 4 asks no age. */
    private static final String STAFF_OF_ANY_AGE = ": someone who works or volunteers for the setting is involved, and whatever "
            + "their age that is decided as an adult's involvement (an allegation about staff goes to the LADO), the safer reading.";

    private static final Derivation NOTHING_DERIVED = new Derivation(Map.of(), List.of());
    /** One fact derived, nothing else and no warning: by fact and value. */
    private static final Derivation[][] ONE_DERIVED = new Derivation[Fact.values().length][Answer.values().length];

    static {
        for (Fact fact : Fact.values()) {
            for (Answer value : Answer.values()) {
                ONE_DERIVED[fact.ordinal()][value.ordinal()] = new Derivation(Map.of(fact, value), List.of());
            }
        }
    }
    private static final Map<Fact, Answer> ADULT_INVOLVED_DERIVED = Map.of(Fact.ADULT_INVOLVED, Answer.YES);
    private static final Derivation STAFF_IS_AN_ADULT = new Derivation(ADULT_INVOLVED_DERIVED, List.of());
    private static final Derivation STAFF_SAID_NO_ADULT = new Derivation(ADULT_INVOLVED_DERIVED,
            List.of(new Warning("adultInvolved", "is false, but adultIsStaffOrVolunteer is true" + STAFF_OF_ANY_AGE)));
}
