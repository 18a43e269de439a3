package org.safeguarding.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.ConsentByStep;
import org.safeguarding.rules.api.FieldError;
import org.safeguarding.rules.api.ImageryOrigin;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Person;
import org.safeguarding.rules.api.Role;

/** Several roles per person, who works for the setting, and consent by step, as a request says them (issue 26, situation 4). */
class PeopleAndStepsJsonTest {
    private static final Action EMERGENCY = new Action(ActionCode.CALL_999, "Call 999", "");

    private static Incident read(String body) throws InvalidRequestException {
        return IncidentJson.read(body.getBytes(StandardCharsets.UTF_8), EMERGENCY);
    }

    private static List<String> fieldsOf(String body) {
        return catchThrowableOfType(() -> read(body), InvalidRequestException.class).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void roles_work_for_the_setting_and_steps_are_read() throws Exception {
        Incident incident = read("""
                {"imageryOrigin": "AI_OR_ALTERED", "consentByStep": {"making": true, "sending": null, "forwarding": false},
                 "people": [{"roles": ["PICTURED", "SHARER"], "age": 14}, {"role": "REQUESTER", "age": 16, "worksForSetting": true},
                            {"role": "REPORTER", "worksForSetting": null}]}""");
        assertThat(incident.imageryOrigin()).isEqualTo(ImageryOrigin.AI_OR_ALTERED);
        assertThat(incident.consentByStep()).isEqualTo(new ConsentByStep(Answer.YES, Answer.UNKNOWN, Answer.NO));
        assertThat(incident.people()).containsExactly(new Person(List.of(Role.PICTURED, Role.SHARER), 14, Answer.UNKNOWN),
                new Person(List.of(Role.REQUESTER), 16, Answer.YES), new Person(List.of(Role.REPORTER), null, Answer.UNKNOWN));
        // One role stays the plain form, read by the quick reader as before.
        assertThat(read("{\"people\": [{\"role\": \"SENDER\", \"age\": 15}]}").people()).containsExactly(new Person(Role.SENDER, 15));
    }

    @Test
    void each_mistake_is_named_by_its_field() {
        assertThat(fieldsOf("{\"people\": [{\"role\": \"SENDER\", \"roles\": [\"SHARER\"]}]}")).containsExactly("people[0]");
        assertThat(fieldsOf("{\"people\": [{\"roles\": []}]}")).containsExactly("people[0].roles");
        assertThat(fieldsOf("{\"people\": [{\"roles\": [\"SHARER\", \"SHARER\"]}]}")).containsExactly("people[0].roles[1]");
        assertThat(fieldsOf("{\"people\": [{\"roles\": [\"SHARER\", \"FORWARDER\"]}]}")).containsExactly("people[0].roles[1]");
        assertThat(fieldsOf("{\"people\": [{\"role\": \"SENDER\", \"worksForSetting\": \"yes\"}]}"))
                .containsExactly("people[0].worksForSetting");
        assertThat(fieldsOf("{\"people\": [{\"age\": 15}]}")).containsExactly("people[0].role");
        assertThat(fieldsOf("{\"consentByStep\": {\"making\": \"yes\", \"posting\": true}}"))
                .containsExactly("consentByStep.making", "consentByStep.posting");
        assertThat(fieldsOf("{\"consentByStep\": true}")).containsExactly("consentByStep");
        assertThat(fieldsOf("{\"imageryOrigin\": \"DEEPFAKE\"}")).containsExactly("imageryOrigin");
        assertThat(fieldsOf("{\"consentBySteps\": {}}")).containsExactly("consentBySteps");
        assertThat(catchThrowableOfType(() -> read("{\"consentBySteps\": {}}"), InvalidRequestException.class).errors().get(0).message())
                .contains("did you mean consentByStep?");
    }
}
