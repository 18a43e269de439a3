package org.safeguarding.rules.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.ConsentByStep;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Person;

/** An incident as the request body {@link IncidentJson} reads: what is not known is left out. */
final class IncidentTree {
    private IncidentTree() {
    }

    static ObjectNode of(Incident incident) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (Fact fact : Fact.values()) {
            Enum<?> value = incident.value(fact);
            if (value == fact.unknown()) {
                continue;
            }
            if (value instanceof Answer answer) {
                json.put(fact.fieldName(), answer == Answer.YES);
            } else {
                json.put(fact.fieldName(), value.name());
            }
        }
        if (!incident.people().isEmpty()) {
            ArrayNode people = json.putArray("people");
            for (Person person : incident.people()) {
                ObjectNode entry = people.addObject();
                if (person.roles().size() == 1) {
                    entry.put("role", person.roles().get(0).name());
                } else {
                    ArrayNode roles = entry.putArray("roles");
                    person.roles().forEach(role -> roles.add(role.name()));
                }
                if (person.age() != null) {
                    entry.put("age", person.age());
                }
                if (person.worksForSetting() != Answer.UNKNOWN) {
                    entry.put("worksForSetting", person.worksForSetting() == Answer.YES);
                }
            }
        }
        ConsentByStep steps = incident.consentByStep();
        if (!steps.equals(ConsentByStep.NOT_KNOWN)) {
            ObjectNode consent = json.putObject("consentByStep");
            put(consent, "making", steps.making());
            put(consent, "sending", steps.sending());
            put(consent, "forwarding", steps.forwarding());
        }
        if (incident.reference() != null) {
            json.put("reference", incident.reference());
        }
        return json;
    }

    private static void put(ObjectNode json, String name, Answer answer) {
        if (answer != Answer.UNKNOWN) {
            json.put(name, answer == Answer.YES);
        }
    }
}
