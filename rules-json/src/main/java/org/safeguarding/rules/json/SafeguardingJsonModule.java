package org.safeguarding.rules.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.json.tree.Trees;

/**
 * Teaches an application's own Jackson {@code ObjectMapper} the wire format, so that a Spring Boot
 * controller that returns a {@link Recommendation} (or takes an {@link Incident}) writes and reads
 * exactly what the service does, not Jackson's idea of the records. In Spring Boot, declare it as a
 * bean: {@code @Bean Module safeguardingJson() { return new SafeguardingJsonModule(); }}; elsewhere,
 * {@code mapper.registerModule(new SafeguardingJsonModule())} (or {@code findAndRegisterModules()}).
 *
 * <p>An incident read this way is checked as {@link IncidentJson} checks it, but from the tree
 * the application's mapper has parsed: a field given twice is seen only if that mapper refuses
 * duplicates. To refuse everything the service refuses, read the body with {@link IncidentJson#read(byte[], org.safeguarding.rules.api.Action)}.
 */
public final class SafeguardingJsonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    public SafeguardingJsonModule() {
        super("safeguarding-rules-json");
        addSerializer(Recommendation.class, new StdSerializer<>(Recommendation.class) {
            @Override
            public void serialize(Recommendation value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                Trees.MAPPER.writeTree(gen, Trees.recommendation(value));
            }
        });
        addSerializer(Incident.class, new StdSerializer<>(Incident.class) {
            @Override
            public void serialize(Incident value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                Trees.MAPPER.writeTree(gen, IncidentTree.of(value));
            }
        });
        addDeserializer(Recommendation.class, new StdDeserializer<>(Recommendation.class) {
            @Override
            public Recommendation deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                JsonNode tree = parser.readValueAsTree();
                try {
                    return RecommendationReader.read(Trees.writeBytes(tree));
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.from(parser, e.getMessage());
                }
            }
        });
        addDeserializer(Incident.class, new StdDeserializer<>(Incident.class) {
            @Override
            public Incident deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                JsonNode tree = parser.readValueAsTree();
                try {
                    return IncidentJson.read(Trees.writeBytes(tree), null);
                } catch (InvalidRequestException e) {
                    throw JsonMappingException.from(parser, "Not a decision request: " + String.join("; ",
                            e.errors().stream().map(error -> error.field() + " " + error.message()).toList()));
                }
            }
        });
    }
}
