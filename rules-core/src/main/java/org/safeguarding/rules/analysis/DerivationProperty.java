package org.safeguarding.rules.analysis;

import java.util.List;
import java.util.Map;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.ConsentByStep;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Person;
import org.safeguarding.rules.api.Role;
import org.safeguarding.rules.engine.FactVector;
import org.safeguarding.rules.engine.FactDerivation;

/**
 * Property 13 for the first step of a decision: the facts it works out from those given (a
 * member of staff is an adult involved, a threat to share is blackmail, imagery made by software
 * was made without consent, a request with no image needs nobody's consent) always land where the
 * rest of the analysis looks, the combinations {@link FactSpace#reachable} admits. Every
 * combination of the facts it reads, with each kind of person and step it reads.
 */
final class DerivationProperty {
    private static final List<Fact> READ = List.of(Fact.ADULT_INVOLVED, Fact.ADULT_IS_STAFF_OR_VOLUNTEER, Fact.COERCION_OR_BLACKMAIL,
            Fact.THREAT_TO_SHARE, Fact.CONSENT_GIVEN, Fact.IMAGERY_ORIGIN, Fact.STAFF_OR_VOLUNTEER_UNDER18);
    /** People as far as the derivation reads them: nobody, an adult, and someone who works for the setting of each kind of age. */
    private static final List<List<Person>> PEOPLE = List.of(List.of(),
            List.of(new Person(Role.SENDER, 30)),
            List.of(new Person(List.of(Role.REQUESTER), 30, Answer.YES)),
            List.of(new Person(List.of(Role.REQUESTER), 16, Answer.YES)),
            List.of(new Person(List.of(Role.REQUESTER), null, Answer.YES)));
    /** Consent by step as far as the derivation reads it: whether a step was refused. */
    private static final List<ConsentByStep> STEPS = List.of(ConsentByStep.NOT_KNOWN,
            new ConsentByStep(Answer.YES, Answer.YES, Answer.NO), new ConsentByStep(Answer.YES, Answer.YES, Answer.YES));

    private DerivationProperty() {
    }

    static void check(Findings findings) {
        int combinationsRead = READ.stream().mapToInt(fact -> fact.domain().size()).reduce(1, (a, b) -> a * b);
        for (int k = 0; k < combinationsRead; k++) {
            for (List<Person> people : PEOPLE) {
                for (ConsentByStep steps : STEPS) {
                    Incident.Builder builder = Incident.builder().people(people).consentByStep(steps);
                    int rest = k;
                    for (Fact fact : READ) {
                        builder.set(fact, fact.domain().get(rest % fact.domain().size()));
                        rest /= fact.domain().size();
                    }
                    checkDerivedFrom(builder.build(), findings);
                }
            }
        }
    }

    private static void checkDerivedFrom(Incident incident, Findings findings) {
        FactVector values = FactVector.of(incident);
        FactDerivation.derivedFrom(incident).forEach(values::set);
        if (!FactSpace.reachable(values)) {
            findings.of(SafetyProperty.PROVEN_IS_SERVED, "the facts worked out from those given fall outside what the analysis checks.",
                    values, Map.of(), List.of());
        }
    }
}
