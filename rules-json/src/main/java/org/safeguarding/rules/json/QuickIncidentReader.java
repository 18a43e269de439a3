package org.safeguarding.rules.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Person;
import org.safeguarding.rules.api.Role;

/**
 * Reads the usual request body, a well-formed object of known fields in plain ASCII, straight
 * from its bytes: no parser, no strings for names or values. It declines (returns {@code null})
 * everything else, however harmless: an escape, a non-ASCII byte, a number that is not a plain
 * whole number, a field given twice, an unknown field, a wrong type, broken JSON. A declined
 * body is read by Jackson the careful way, which names every error; a test checks that the two
 * agree on every body this one accepts, over random and mutated bodies.
 */
final class QuickIncidentReader {
    private static final Fact[] FACTS = Fact.values();
    private static final int PEOPLE = FACTS.length;
    private static final int REFERENCE = FACTS.length + 1;
    private static final Names FIELDS;
    private static final Names[] VALUES = new Names[FACTS.length];
    private static final Role[] ROLES = Role.values();
    private static final Names ROLE_NAMES = new Names(java.util.Arrays.stream(ROLES).map(Role::name).toList());
    private static final Names PERSON_FIELDS = new Names(List.of("role", "age"));
    private static final int ROLE = 0;
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");

    static {
        List<String> fields = new ArrayList<>(java.util.Arrays.stream(FACTS).map(Fact::fieldName).toList());
        fields.add("people");
        fields.add("reference");
        if (fields.size() > Long.SIZE) {
            throw new IllegalStateException("a request has more fields than one long can mark as seen");
        }
        FIELDS = new Names(fields);
        for (Fact fact : FACTS) {
            if (fact.type() != Answer.class) {
                VALUES[fact.ordinal()] = new Names(fact.domain().stream().map(Enum::name).toList());
            }
        }
    }

    private final byte[] in;
    private int at;
    /** Where the last string read starts and ends (exclusive), without its quotes, and its {@link Names#key}. */
    private int stringStart;
    private int stringEnd;
    private int stringHash;

    private QuickIncidentReader(byte[] in) {
        this.in = in;
    }

    /** The incident the body describes, or {@code null} when it is not the usual kind of body. */
    static Incident read(byte[] body) {
        try {
            return new QuickIncidentReader(body).incident();
        } catch (RuntimeException e) {
            return null; // e.g. the builder refusing a combination: the careful reader says why
        }
    }

    private Incident incident() {
        skipSpace();
        if (!take('{')) {
            return null;
        }
        Incident.Builder builder = Incident.builder();
        long seen = 0;
        skipSpace();
        if (!take('}')) {
            do {
                skipSpace();
                if (!string()) {
                    return null;
                }
                int field = FIELDS.indexOf(in, stringStart, stringEnd, stringHash);
                if (field < 0 || (seen & 1L << field) != 0) {
                    return null;
                }
                seen |= 1L << field;
                skipSpace();
                if (!take(':')) {
                    return null;
                }
                skipSpace();
                if (!literal(NULL) && !value(field, builder)) {
                    return null;
                }
                skipSpace();
            } while (take(','));
            if (!take('}')) {
                return null;
            }
        }
        skipSpace();
        return at == in.length ? builder.build() : null;
    }

    private boolean value(int field, Incident.Builder builder) {
        if (field == PEOPLE) {
            return people(builder);
        }
        if (field == REFERENCE) {
            if (!string()) {
                return false;
            }
            String reference = new String(in, stringStart, stringEnd - stringStart, StandardCharsets.ISO_8859_1);
            if (!Incident.isValidReference(reference)) {
                return false;
            }
            builder.reference(reference);
            return true;
        }
        Fact fact = FACTS[field];
        if (VALUES[field] == null) {
            if (literal(TRUE)) {
                builder.set(fact, Answer.of(true));
            } else if (literal(FALSE)) {
                builder.set(fact, Answer.of(false));
            } else {
                return false;
            }
            return true;
        }
        if (!string()) {
            return false;
        }
        int value = VALUES[field].indexOf(in, stringStart, stringEnd, stringHash);
        if (value < 0) {
            return false;
        }
        builder.set(fact, fact.domain().get(value));
        return true;
    }

    /** {@code [{"role": "...", "age": n}, ...]}, the age optional or null. */
    private boolean people(Incident.Builder builder) {
        if (!take('[')) {
            return false;
        }
        List<Person> people = new ArrayList<>(4);
        skipSpace();
        if (!take(']')) {
            do {
                skipSpace();
                Person person = person();
                if (person == null) {
                    return false;
                }
                people.add(person);
                skipSpace();
            } while (take(','));
            if (!take(']')) {
                return false;
            }
        }
        builder.people(people);
        return true;
    }

    private Person person() {
        if (!take('{')) {
            return null;
        }
        Role role = null;
        Integer age = null;
        boolean ageSeen = false;
        do {
            skipSpace();
            if (!string()) {
                return null;
            }
            int field = PERSON_FIELDS.indexOf(in, stringStart, stringEnd, stringHash);
            boolean isRole = field == ROLE;
            if (field < 0 || (isRole ? role != null : ageSeen)) {
                return null;
            }
            skipSpace();
            if (!take(':')) {
                return null;
            }
            skipSpace();
            if (isRole) {
                int index = string() ? ROLE_NAMES.indexOf(in, stringStart, stringEnd, stringHash) : -1;
                if (index < 0) {
                    return null;
                }
                role = ROLES[index];
            } else {
                ageSeen = true;
                if (!literal(NULL)) {
                    age = age();
                    if (age == null) {
                        return null;
                    }
                }
            }
            skipSpace();
        } while (take(','));
        return take('}') && role != null ? new Person(role, age) : null;
    }

    /** A whole number from 0 to {@link Person#MAX_AGE} written plainly: no sign, fraction, exponent or leading zero. */
    private Integer age() {
        int start = at;
        int value = 0;
        while (at < in.length && in[at] >= '0' && in[at] <= '9' && at - start < 3) {
            value = value * 10 + in[at++] - '0';
        }
        int digits = at - start;
        if (digits == 0 || digits > 1 && in[start] == '0' || value > Person.MAX_AGE) {
            return null;
        }
        if (at < in.length) {
            byte next = in[at];
            if (next >= '0' && next <= '9' || next == '.' || next == 'e' || next == 'E') {
                return null;
            }
        }
        return value;
    }

    /** A string of printable ASCII without escapes; sets where it is and its key. */
    private boolean string() {
        if (!take('"')) {
            return false;
        }
        byte[] bytes = in;
        int start = at;
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                stringStart = start;
                stringEnd = i;
                stringHash = Names.key(bytes, start, i);
                at = i + 1;
                return true;
            }
            if (b < 0x20 || b == '\\' || b == 0x7f) {
                return false; // control, escape or non-ASCII (negative): the careful reader decides
            }
        }
        return false;
    }

    private boolean literal(byte[] word) {
        if (Names.matches(word, in, at, at + word.length)) {
            at += word.length;
            return true;
        }
        return false;
    }

    private boolean take(char c) {
        if (at < in.length && in[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        byte[] bytes = in;
        int i = at;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        at = i;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A few ASCII names, found by a key of length, first and last byte (cheap: a hash over every
     * byte costs more than the rest of the reading), then checked byte by byte.
     */
    private static final class Names {
        private final byte[][] names;
        private final int[] hashes;

        Names(List<String> names) {
            this.names = names.stream().map(QuickIncidentReader::ascii).toArray(byte[][]::new);
            this.hashes = java.util.Arrays.stream(this.names).mapToInt(name -> key(name, 0, name.length)).toArray();
        }

        int indexOf(byte[] in, int start, int end, int hash) {
            for (int i = 0; i < hashes.length; i++) {
                if (hashes[i] == hash && matches(names[i], in, start, end)) {
                    return i;
                }
            }
            return -1;
        }

        static int key(byte[] bytes, int start, int end) {
            return end == start ? 0 : (end - start) * 961 + bytes[start] * 31 + bytes[end - 1];
        }

        static boolean matches(byte[] name, byte[] in, int start, int end) {
            if (end - start != name.length || end > in.length) {
                return false;
            }
            for (int i = 0; i < name.length; i++) {
                if (in[start + i] != name[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
