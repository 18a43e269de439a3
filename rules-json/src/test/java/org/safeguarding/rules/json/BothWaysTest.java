package org.safeguarding.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.ConsentByStep;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Person;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.Role;
import org.safeguarding.rules.json.tree.Trees;

/**
 * The wire format both ways, for an embedder: incidents written and read back, recommendations
 * read back from what was written, through Strings, bytes and streams, and through an
 * application's own Jackson mapper with {@link SafeguardingJsonModule}; all with no Jackson type
 * in the public signatures of the package an embedder uses.
 */
class BothWaysTest {
    private static final DecisionEngine ENGINE = DecisionEngine.bundled();

    private static List<Incident> incidents() {
        Random random = new Random(27);
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Incident.Builder builder = Incident.builder();
            for (Fact fact : Fact.values()) {
                builder.set(fact, fact.domain().get(random.nextInt(fact.domain().size())));
            }
            Role[] roles = Role.values();
            for (int p = random.nextInt(4); p > 0; p--) {
                builder.person(new Person(List.of(roles[random.nextInt(roles.length)]), random.nextInt(4) == 0 ? null : random.nextInt(30),
                        Answer.values()[random.nextInt(3)]));
            }
            if (random.nextInt(3) == 0) {
                builder.reference("case-" + i);
            }
            if (random.nextInt(4) == 0) {
                Answer[] answers = Answer.values();
                builder.consentByStep(new ConsentByStep(answers[random.nextInt(3)], answers[random.nextInt(3)], answers[random.nextInt(3)]));
            }
            if (random.nextInt(5) == 0) {
                builder.person(new Person(List.of(Role.PICTURED, Role.SHARER), 15, Answer.UNKNOWN))
                        .person(new Person(List.of(Role.REQUESTER), null, Answer.YES));
            }
            incidents.add(builder.build());
        }
        incidents.add(Incident.builder().build());
        return incidents;
    }

    @Test
    void an_incident_written_reads_back_as_the_same_incident_from_a_string_bytes_or_a_stream() throws Exception {
        for (Incident incident : incidents()) {
            String json = IncidentJson.write(incident);
            assertThat(IncidentJson.read(json, null)).isEqualTo(incident);
            assertThat(IncidentJson.read(IncidentJson.writeBytes(incident), null)).isEqualTo(incident);
            assertThat(IncidentJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), null)).isEqualTo(incident);
        }
    }

    @Test
    void a_recommendation_reads_back_as_the_one_written() throws Exception {
        for (Incident incident : incidents()) {
            Recommendation r = ENGINE.decide(incident);
            assertThat(RecommendationJson.read(RecommendationJson.write(r))).isEqualTo(r);
            assertThat(RecommendationJson.read(RecommendationJson.writeBytes(r))).isEqualTo(r);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RecommendationJson.write(r, out);
            assertThat(RecommendationJson.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(r);
        }
    }

    @Test
    void a_document_that_is_not_a_recommendation_is_refused_naming_the_field() {
        Recommendation r = ENGINE.decide(Incident.builder().immediateDanger(Answer.YES).build());
        String json = RecommendationJson.write(r);
        assertThatThrownBy(() -> RecommendationJson.read(json.replace("\"CALL_999\"", "\"CALL_998\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Not a recommendation: actions[0].code is not an action code");
        assertThatThrownBy(() -> RecommendationJson.read(json.replace("\"pathway\"", "\"path\"")))
                .hasMessage("Not a recommendation: pathway is missing");
        assertThatThrownBy(() -> RecommendationJson.read("[1]")).hasMessage("Not a recommendation: the document must be a JSON object");
        assertThatThrownBy(() -> RecommendationJson.read("{")).hasMessage("Not a recommendation: the document is not valid JSON");
    }

    @Test
    void a_request_over_the_limit_is_refused_from_a_stream_without_reading_it_all() {
        byte[] large = ("{\"reference\":\"" + "x".repeat(IncidentJson.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(large);
        assertThatThrownBy(() -> IncidentJson.read(in, null)).isInstanceOf(InvalidRequestException.class);
        assertThat(in.available()).as("left unread").isPositive();
    }

    @Test
    void an_applications_own_mapper_with_the_module_writes_and_reads_the_wire_format() throws Exception {
        ObjectMapper own = JsonMapper.builder().addModule(new SafeguardingJsonModule()).build();
        ObjectMapper discovered = new ObjectMapper().findAndRegisterModules();
        for (Incident incident : incidents().subList(0, 300)) {
            Recommendation r = ENGINE.decide(incident);
            for (ObjectMapper mapper : List.of(own, discovered)) {
                String written = mapper.writeValueAsString(r);
                assertThat(Trees.MAPPER.readTree(written)).isEqualTo(Trees.MAPPER.readTree(RecommendationJson.write(r)));
                assertThat(mapper.readValue(written, Recommendation.class)).isEqualTo(r);
                assertThat(Trees.MAPPER.readTree(mapper.writeValueAsString(incident))).isEqualTo(Trees.MAPPER.readTree(IncidentJson.write(incident)));
                assertThat(mapper.readValue(IncidentJson.write(incident), Incident.class)).isEqualTo(incident);
            }
        }
        assertThatThrownBy(() -> own.readValue("{\"adultInvolve\": true}", Incident.class))
                .hasMessageContaining("adultInvolve is not a known field; did you mean adultInvolved?");
    }

    @Test
    void the_package_an_embedder_uses_has_no_jackson_type_in_a_public_signature() throws Exception {
        List<String> found = new ArrayList<>();
        java.nio.file.Path folder = java.nio.file.Path.of(IncidentJson.class.getResource("IncidentJson.class").toURI()).getParent();
        List<Class<?>> types = new ArrayList<>();
        try (var files = java.nio.file.Files.list(folder)) {
            for (String name : files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class")).toList()) {
                Class<?> type = Class.forName(IncidentJson.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                // The module is a Jackson type by design: it is what an application's mapper registers.
                if (Modifier.isPublic(type.getModifiers()) && type != SafeguardingJsonModule.class) {
                    types.add(type);
                }
            }
        }
        assertThat(types).contains(IncidentJson.class, RecommendationJson.class, RecommendationJson.Encoded.class);
        for (Class<?> type : types) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers())) {
                    List<Type> signature = new ArrayList<>(Arrays.asList(method.getGenericParameterTypes()));
                    signature.add(method.getGenericReturnType());
                    signature.addAll(Arrays.asList(method.getGenericExceptionTypes()));
                    signature.stream().filter(t -> t.getTypeName().contains("com.fasterxml")).forEach(t -> found.add(method + ": " + t));
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers()) && field.getGenericType().getTypeName().contains("com.fasterxml")) {
                    found.add(field.toString());
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(constructor.getModifiers())) {
                    Arrays.stream(constructor.getGenericParameterTypes()).filter(t -> t.getTypeName().contains("com.fasterxml"))
                            .forEach(t -> found.add(constructor + ": " + t));
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
