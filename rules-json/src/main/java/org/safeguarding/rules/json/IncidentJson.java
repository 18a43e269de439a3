package org.safeguarding.rules.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.ConsentByStep;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.FieldError;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Person;
import org.safeguarding.rules.api.Role;
import org.safeguarding.rules.json.tree.Trees;

/**
 * Reads a decision request (decision model section 5) strictly. In this domain a silently
 * dropped fact is a wrong recommendation, so an unknown field, a field given twice, a wrong
 * type, a string for a boolean or a value outside an enum is an error naming the field, and
 * every error is reported at once. Error messages never repeat the submitted values. A body
 * that says {@code "immediateDanger": true} anywhere is never refused without the 999 advice.
 */
public final class IncidentJson {
    private static final ObjectMapper MAPPER = Trees.MAPPER;
    private static final String PEOPLE = "people";
    private static final String REFERENCE = "reference";
    private static final String CONSENT_BY_STEP = "consentByStep";
    private static final List<String> STEPS = List.of("making", "sending", "forwarding");
    /** Read generously, on purpose: any body that says this anywhere gets the 999 advice with its refusal. */
    private static final java.util.regex.Pattern SAYS_IMMEDIATE_DANGER =
            java.util.regex.Pattern.compile("\"immediateDanger\"\\s*:\\s*true");
    /** The largest request body, here and in the service. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private IncidentJson() {
    }

    /**
     * The incident a request body describes.
     *
     * @param emergency the CALL_999 action to attach to a refusal of a body that says a child is
     *                  in immediate danger (usually {@code DecisionEngine.emergencyAction()})
     * @throws InvalidRequestException naming every field that is wrong, the body when it is empty,
     *                                 over {@link #MAX_BODY_BYTES} or not a JSON object
     */
    public static Incident read(byte[] body, Action emergency) throws InvalidRequestException {
        Incident usual = body.length <= MAX_BODY_BYTES ? QuickIncidentReader.read(body) : null;
        return usual != null ? usual : readCarefully(body, emergency);
    }

    /** The same, from a JSON document. */
    public static Incident read(String body, Action emergency) throws InvalidRequestException {
        return read(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), emergency);
    }

    /**
     * The same, from a stream of UTF-8, read to its end or to just past {@link #MAX_BODY_BYTES}
     * (a longer body is refused without reading the rest); the stream is not closed.
     */
    public static Incident read(java.io.InputStream body, Action emergency) throws InvalidRequestException, IOException {
        return read(body.readNBytes(MAX_BODY_BYTES + 1), emergency);
    }

    /**
     * The incident as a request body: every fact that is known, the people, the steps consented to
     * when any is known, and the reference. Read back with {@link #read(String, Action)}, it is the
     * same incident.
     */
    public static String write(Incident incident) {
        return Trees.write(IncidentTree.of(incident));
    }

    /** The same, as UTF-8 bytes. */
    public static byte[] writeBytes(Incident incident) {
        return Trees.writeBytes(IncidentTree.of(incident));
    }

    /** The careful reading alone, which names every error; {@link #read} uses it for any body the quick one declines. */
    static Incident readCarefully(byte[] body, Action emergency) throws InvalidRequestException {
        try {
            return readStrictly(body);
        } catch (FieldErrors e) {
            throw new InvalidRequestException(e.errors, saysImmediateDanger(body) ? emergency : null);
        }
    }

    /** Whether a body, however malformed, says {@code "immediateDanger": true}; looks at the first 64 KiB. */
    public static boolean saysImmediateDanger(byte[] body) {
        int length = Math.min(body.length, MAX_BODY_BYTES);
        return SAYS_IMMEDIATE_DANGER.matcher(new String(body, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1)).find();
    }

    /** The errors found, before the caller's 999 advice is attached. */
    private static final class FieldErrors extends Exception {
        private final transient List<FieldError> errors;

        FieldErrors(List<FieldError> errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }

    private static Incident readStrictly(byte[] body) throws FieldErrors {
        if (body.length == 0) {
            throw invalid("body", "the request body is empty: send a JSON object, e.g. {}");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw invalid("body", "the body is over 64 KiB");
        }
        JsonNode root;
        JsonParser parser = null;
        try {
            parser = MAPPER.createParser(body);
            root = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw invalid("body", "there is more than one JSON value in the body");
            }
        } catch (JsonParseException e) {
            String location = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                throw invalid(duplicatePath(parser), "appears twice: give each field once");
            }
            throw invalid("body", "is not valid JSON" + location);
        } catch (IOException e) {
            throw invalid("body", "is not valid JSON");
        } finally {
            closeQuietly(parser);
        }
        if (root == null || !root.isObject()) {
            throw invalid("body", "the body must be a JSON object");
        }
        return read(root);
    }

    /** Where a duplicate field is, e.g. {@code immediateDanger} or {@code people[1].age}. */
    private static String duplicatePath(JsonParser parser) {
        if (parser == null) {
            return "body";
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (com.fasterxml.jackson.core.JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inArray()) {
                parts.push("[" + Math.max(0, context.getCurrentIndex()) + "]");
            } else if (context.getCurrentName() != null) {
                parts.push(context.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            path.append(path.length() > 0 && !part.startsWith("[") ? "." : "").append(part);
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // reading from memory
            }
        }
    }

    private static Incident read(JsonNode root) throws FieldErrors {
        List<FieldError> errors = new ArrayList<>();
        Incident.Builder builder = Incident.builder();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            Optional<Fact> fact = Fact.byFieldName(name);
            if (fact.isPresent()) {
                readFact(fact.get(), value, builder, errors);
            } else if (name.equals(PEOPLE)) {
                readPeople(value, builder, errors);
            } else if (name.equals(REFERENCE)) {
                readReference(value, builder, errors);
            } else if (name.equals(CONSENT_BY_STEP)) {
                readConsentByStep(value, builder, errors);
            } else {
                errors.add(new FieldError(name, "is not a known field" + suggestion(name)));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrors(errors);
        }
        return builder.build();
    }

    private static void readFact(Fact fact, JsonNode value, Incident.Builder builder, List<FieldError> errors) {
        if (value.isNull()) {
            return;
        }
        if (fact.type() == org.safeguarding.rules.api.Answer.class) {
            if (value.isBoolean()) {
                builder.set(fact, org.safeguarding.rules.api.Answer.of(value.booleanValue()));
            } else {
                errors.add(new FieldError(fact.fieldName(), "must be true, false or null (not yet known)"));
            }
            return;
        }
        Optional<Enum<?>> parsed = value.isTextual() ? fact.valueNamed(value.textValue()) : Optional.empty();
        if (parsed.isPresent()) {
            builder.set(fact, parsed.get());
        } else {
            errors.add(new FieldError(fact.fieldName(), "must be one of " + names(fact.domain()) + ", or null"));
        }
    }

    private static void readPeople(JsonNode value, Incident.Builder builder, List<FieldError> errors) {
        if (value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            errors.add(new FieldError(PEOPLE, "must be an array of {\"role\": ...} with an optional \"age\" and \"worksForSetting\""));
            return;
        }
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String path = PEOPLE + "[" + i + "]";
            JsonNode person = value.get(i);
            if (!person.isObject()) {
                errors.add(new FieldError(path, "must be an object with a role and, when known, an age"));
                continue;
            }
            List<Role> roles = new ArrayList<>();
            boolean rolesValid = true;
            Integer age = null;
            Answer worksForSetting = Answer.UNKNOWN;
            for (Iterator<Map.Entry<String, JsonNode>> fields = person.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                switch (field.getKey()) {
                    case "role" -> {
                        Role role = field.getValue().isTextual() ? enumNamed(field.getValue().textValue()) : null;
                        if (role == null) {
                            errors.add(new FieldError(path + ".role", "must be one of " + names(List.of(Role.values()))));
                            rolesValid = false;
                        } else {
                            roles.add(role);
                        }
                    }
                    case "roles" -> rolesValid &= readRoles(field.getValue(), path + ".roles", roles, errors);
                    case "age" -> {
                        JsonNode a = field.getValue();
                        if (a.isNull()) {
                            age = null; // not known
                        } else if (a.isIntegralNumber() && a.canConvertToInt() && a.intValue() >= 0 && a.intValue() <= Person.MAX_AGE) {
                            age = a.intValue();
                        } else {
                            errors.add(new FieldError(path + ".age", "must be a whole number from 0 to " + Person.MAX_AGE));
                        }
                    }
                    case "worksForSetting" -> {
                        JsonNode w = field.getValue();
                        if (w.isBoolean()) {
                            worksForSetting = Answer.of(w.booleanValue());
                        } else if (!w.isNull()) {
                            errors.add(new FieldError(path + ".worksForSetting", "must be true, false or null (not yet known)"));
                        }
                    }
                    default -> errors.add(new FieldError(path + "." + field.getKey(), "is not a known field; a person has a role "
                            + "(or roles), an optional age and an optional worksForSetting"));
                }
            }
            if (person.has("role") && person.has("roles")) {
                errors.add(new FieldError(path, "has both role and roles: give one role, or a list of roles"));
                rolesValid = false;
            } else if (!person.has("role") && !person.has("roles")) {
                errors.add(new FieldError(path + ".role", "is required (or roles, for someone who did more than one thing)"));
            }
            boolean ageValid = !person.has("age") || person.get("age").isNull() || age != null;
            if (rolesValid && !roles.isEmpty() && ageValid) {
                people.add(new Person(roles, age, worksForSetting));
            }
        }
        builder.people(people);
    }

    /** A non-empty array of roles, none twice; false (with the errors added) when it is not one. */
    private static boolean readRoles(JsonNode value, String path, List<Role> roles, List<FieldError> errors) {
        if (!value.isArray() || value.isEmpty()) {
            errors.add(new FieldError(path, "must be a list of one or more of " + names(List.of(Role.values()))));
            return false;
        }
        boolean valid = true;
        for (int j = 0; j < value.size(); j++) {
            Role role = value.get(j).isTextual() ? enumNamed(value.get(j).textValue()) : null;
            if (role == null) {
                errors.add(new FieldError(path + "[" + j + "]", "must be one of " + names(List.of(Role.values()))));
                valid = false;
            } else if (roles.contains(role)) {
                errors.add(new FieldError(path + "[" + j + "]", "repeats a role: give each role once"));
                valid = false;
            } else {
                roles.add(role);
            }
        }
        return valid;
    }

    /** {@code {"making": true, "sending": true, "forwarding": false}}, each step optional. */
    private static void readConsentByStep(JsonNode value, Incident.Builder builder, List<FieldError> errors) {
        if (value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            errors.add(new FieldError(CONSENT_BY_STEP, "must be an object with making, sending and forwarding, each true, false or null"));
            return;
        }
        Answer[] steps = {Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN};
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            int step = STEPS.indexOf(field.getKey());
            String path = CONSENT_BY_STEP + "." + field.getKey();
            if (step < 0) {
                errors.add(new FieldError(path, "is not a known step; the steps are making, sending and forwarding"));
            } else if (field.getValue().isBoolean()) {
                steps[step] = Answer.of(field.getValue().booleanValue());
            } else if (!field.getValue().isNull()) {
                errors.add(new FieldError(path, "must be true, false or null (not yet known)"));
            }
        }
        builder.consentByStep(new ConsentByStep(steps[0], steps[1], steps[2]));
    }

    private static void readReference(JsonNode value, Incident.Builder builder, List<FieldError> errors) {
        if (value.isNull()) {
            return;
        }
        if (value.isTextual() && Incident.isValidReference(value.textValue())) {
            builder.reference(value.textValue());
        } else {
            errors.add(new FieldError(REFERENCE, "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'"));
        }
    }

    private static Role enumNamed(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }

    private static String names(List<? extends Enum<?>> values) {
        return String.join(", ", values.stream().map(Enum::name).toList());
    }

    /** The closest known field when a name looks misspelt, e.g. adultInvolve → adultInvolved. */
    private static String suggestion(String name) {
        List<String> known = new ArrayList<>(Arrays.stream(Fact.values()).map(Fact::fieldName).toList());
        known.add(PEOPLE);
        known.add(REFERENCE);
        known.add(CONSENT_BY_STEP);
        return known.stream().min(Comparator.comparingInt(k -> distance(k.toLowerCase(), name.toLowerCase())))
                .filter(k -> distance(k.toLowerCase(), name.toLowerCase()) <= 3)
                .map(k -> "; did you mean " + k + "?").orElse("");
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static FieldErrors invalid(String field, String message) {
        return new FieldErrors(List.of(new FieldError(field, message)));
    }
}
