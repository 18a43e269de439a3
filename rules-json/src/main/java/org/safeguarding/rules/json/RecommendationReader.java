package org.safeguarding.rules.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Question;
import org.safeguarding.rules.api.Reason;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.RuleSetVersion;
import org.safeguarding.rules.api.Warning;
import org.safeguarding.rules.json.tree.Trees;

/**
 * Reads a recommendation back from the wire format. Every member the format has is required and
 * checked, and a wrong one is named by its path (e.g. {@code actions[2].code}); members it does not
 * have are passed over, so a document from a later version still reads.
 */
final class RecommendationReader {
    private RecommendationReader() {
    }

    static Recommendation read(byte[] json) {
        JsonNode root;
        try {
            root = Trees.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a recommendation: the document is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Not a recommendation: the document must be a JSON object");
        }
        JsonNode reference = member(root, "reference", "");
        if (!reference.isNull() && !reference.isTextual()) {
            throw wrong("reference", "must be a string or null");
        }
        JsonNode provisional = member(root, "provisional", "");
        if (!provisional.isBoolean()) {
            throw wrong("provisional", "must be true or false");
        }
        JsonNode ruleSet = object(root, "ruleSet", "");
        Map<Fact, Answer> derived = new EnumMap<>(Fact.class);
        JsonNode derivedFacts = object(root, "derivedFacts", "");
        for (Iterator<Map.Entry<String, JsonNode>> fields = derivedFacts.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Fact fact = Fact.byFieldName(field.getKey()).orElseThrow(() -> wrong("derivedFacts." + field.getKey(), "is not a fact"));
            if (!field.getValue().isBoolean() && !field.getValue().isNull()) {
                throw wrong("derivedFacts." + field.getKey(), "must be true, false or null");
            }
            derived.put(fact, Answer.of(field.getValue().isNull() ? null : field.getValue().booleanValue()));
        }
        return new Recommendation(
                parsed(text(root, "decisionId", ""), "decisionId", UUID::fromString, "must be a UUID"),
                reference.isNull() ? null : reference.textValue(),
                parsed(text(root, "pathway", ""), "pathway", Pathway::valueOf, "must be one of EMERGENCY, ESCALATE, HANDLE_INTERNALLY"),
                provisional.booleanValue(),
                text(root, "summary", ""),
                list(root, "actions", (item, path) -> new Action(parsed(text(item, "code", path), path + ".code", ActionCode::valueOf,
                        "is not an action code"), text(item, "text", path), text(item, "guidance", path))),
                list(root, "questions", (item, path) -> new Question(Fact.byFieldName(text(item, "code", path))
                        .orElseThrow(() -> wrong(path + ".code", "is not a fact")), text(item, "text", path), text(item, "why", path))),
                list(root, "reasons", (item, path) -> new Reason(text(item, "rule", path), text(item, "table", path),
                        text(item, "text", path), text(item, "guidance", path))),
                derived,
                list(root, "warnings", (item, path) -> new Warning(text(item, "field", path), text(item, "message", path))),
                new RuleSetVersion(text(ruleSet, "version", "ruleSet"), text(ruleSet, "sha256", "ruleSet")));
    }

    private interface Item<T> {
        T read(JsonNode item, String path);
    }

    private static <T> List<T> list(JsonNode root, String name, Item<T> item) {
        JsonNode array = member(root, name, "");
        if (!array.isArray()) {
            throw wrong(name, "must be an array");
        }
        List<T> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String path = name + "[" + i + "]";
            if (!array.get(i).isObject()) {
                throw wrong(path, "must be an object");
            }
            items.add(item.read(array.get(i), path));
        }
        return items;
    }

    private static JsonNode member(JsonNode node, String name, String parent) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw wrong(path(parent, name), "is missing");
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String name, String parent) {
        JsonNode value = member(node, name, parent);
        if (!value.isObject()) {
            throw wrong(path(parent, name), "must be an object");
        }
        return value;
    }

    private static String text(JsonNode node, String name, String parent) {
        JsonNode value = member(node, name, parent);
        if (!value.isTextual()) {
            throw wrong(path(parent, name), "must be a string");
        }
        return value.textValue();
    }

    private static <T> T parsed(String text, String path, Function<String, T> parse, String message) {
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw wrong(path, message);
        }
    }

    private static String path(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private static IllegalArgumentException wrong(String path, String message) {
        return new IllegalArgumentException("Not a recommendation: " + path + " " + message);
    }
}
