package org.safeguarding.rules.json;

import org.safeguarding.rules.json.tree.Trees;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.Role;

/** The fast writer produces exactly the document of the tree writer, for many different decisions, as an array and copied into a buffer. */
class RecommendationJsonTest {

    @Test
    void fast_bytes_are_the_same_document_as_the_tree() throws Exception {
        DecisionEngine engine = DecisionEngine.bundled();
        Random random = new Random(3);
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(IncidentJson.MAX_BODY_BYTES);
        RecommendationJson.Encoder encoder = RecommendationJson.encoder();
        for (int i = 0; i < 500; i++) {
            Incident.Builder builder = Incident.builder();
            for (Fact fact : Fact.values()) {
                List<Enum<?>> domain = fact.domain();
                builder.set(fact, domain.get(random.nextInt(domain.size())));
            }
            if (random.nextBoolean()) {
                builder.reference("ref-" + i).person(Role.CREATOR, 15);
            }
            if (random.nextInt(5) == 0) {
                builder.adultInvolved(Answer.UNKNOWN).person(Role.CREATOR, 14).person(Role.RECIPIENT, 30);
            }
            Recommendation r = engine.decide(builder.build());
            byte[] bytes = RecommendationJson.writeBytes(r);
            JsonNode fast = org.safeguarding.rules.json.tree.Trees.MAPPER.readTree(bytes);
            assertThat(fast).isEqualTo(Trees.recommendation(r));

            // what the service sends: the pieces from the rule set's own encoder, copied straight into a direct buffer,
            // after anything already in it
            RecommendationJson.Encoded encoded = encoder.encode(r);
            direct.clear().position(7);
            encoded.copyTo(direct);
            assertThat(encoded.length()).isEqualTo(bytes.length);
            assertThat(direct.position()).isEqualTo(7 + bytes.length);
            byte[] sent = new byte[bytes.length];
            direct.get(7, sent);
            assertThat(sent).isEqualTo(bytes);
        }
    }

    /**
     * Issue 28: encodings belong to the rule set that gives them, not to the JVM: two encoders share
     * nothing, an organisation's engine (new lists on every decision) fills its own encoder only
     * up to its bound, and the one-off writes remember nothing.
     */
    @Test
    void each_rule_set_has_its_own_bounded_encodings_and_one_off_writes_keep_none() throws Exception {
        DecisionEngine engine = DecisionEngine.bundled();
        Recommendation r = engine.decide(Incident.builder().immediateDanger(Answer.NO).consentGiven(Answer.NO).person(Role.CREATOR, 15).build());
        RecommendationJson.Encoder first = RecommendationJson.encoder();
        RecommendationJson.Encoder second = RecommendationJson.encoder();
        assertThat(first.encode(r).toByteArray()).isEqualTo(RecommendationJson.writeBytes(r));
        assertThat(first.remembered()).isPositive();
        assertThat(second.remembered()).isZero();

        // Ten thousand organisations' contacts: every decision's texts differ, and the encoder stops remembering at its bound.
        for (int i = 0; i < 10_000; i++) {
            DecisionEngine organisation = engine.withContacts(java.util.Map.of("LADO", "0300 555 " + String.format("%04d", i)));
            Recommendation own = organisation.decide(Incident.builder().adultInvolved(Answer.YES).adultIsStaffOrVolunteer(Answer.YES).build());
            assertThat(second.encode(own).toByteArray()).isEqualTo(RecommendationJson.writeBytes(own));
        }
        assertThat(second.remembered()).isLessThanOrEqualTo(3 * 4096);
    }
}
