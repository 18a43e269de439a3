package org.safeguarding.rules.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    private static final boolean[] REFERENCE_CHARACTERS = new boolean[128];

    static {
        List<String> fields = new ArrayList<>(java.util.Arrays.stream(FACTS).map(Fact::fieldName).toList());
        fields.add("people");
        fields.add("reference");
        if (fields.size() > Long.SIZE) {
            throw new IllegalStateException("a request has more fields than one long can mark as seen");
        }
        FIELDS = new Names(fields);
        for (char c = 0; c < REFERENCE_CHARACTERS.length; c++) {
            REFERENCE_CHARACTERS[c] = Incident.isValidReference(String.valueOf(c));
        }
        for (Fact fact : FACTS) {
            if (fact.type() != Answer.class) {
                VALUES[fact.ordinal()] = new Names(fact.domain().stream().map(Enum::name).toList());
            }
        }
    }

    private final byte[] in;
    private int at;

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
                int field = quoted(FIELDS);
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
            String reference = reference();
            if (reference == null) {
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
        int value = quoted(VALUES[field]);
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
            int field = quoted(PERSON_FIELDS);
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
                int index = quoted(ROLE_NAMES);
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

    /** Which of the names is here, in quotes, moving past it; -1 for any other string or value (and the reading gives up). */
    private int quoted(Names names) {
        int name = take('"') ? names.at(in, at) : -1;
        if (name < 0) {
            return -1;
        }
        at += names.length(name) + 1;
        return name;
    }

    /** A caller's reference: 1 to 64 of the characters {@link Incident#isValidReference} allows, in quotes. */
    private String reference() {
        if (!take('"')) {
            return null;
        }
        byte[] bytes = in;
        int start = at;
        int end = start;
        while (end < bytes.length && bytes[end] >= 0 && REFERENCE_CHARACTERS[bytes[end]]) {
            end++;
        }
        if (end == bytes.length || bytes[end] != '"' || end == start || end - start > 64) {
            return null;
        }
        at = end + 1;
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private boolean literal(byte[] word) {
        if (at + word.length <= in.length && Names.equalsAt(word, in, at)) {
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
     * A few ASCII names, each found where it stands in the body: the candidates are those with the
     * byte found there as their first, compared eight bytes at a time. Comparing in place reads
     * each byte once; finding the string's end first and then looking it up read it twice, and
     * reading a body costs about a nanosecond a byte per pass on the machines we measure.
     */
    private static final class Names {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        private final byte[][] names;
        private final long[][] longs;
        private final int[][] byFirstByte = new int[128][];

        Names(List<String> names) {
            this.names = names.stream().map(QuickIncidentReader::ascii).toArray(byte[][]::new);
            this.longs = java.util.Arrays.stream(this.names).map(Names::longs).toArray(long[][]::new);
            for (int first = 0; first < byFirstByte.length; first++) {
                int f = first;
                byFirstByte[first] = java.util.stream.IntStream.range(0, this.names.length)
                        .filter(i -> this.names[i].length > 0 && this.names[i][0] == f).toArray();
            }
        }

        private static long[] longs(byte[] name) {
            long[] longs = new long[name.length / 8];
            for (int i = 0; i < longs.length; i++) {
                longs[i] = (long) LONGS.get(name, i * 8);
            }
            return longs;
        }

        int length(int name) {
            return names[name].length;
        }

        /** The name at {@code at} that a quote follows, or -1. */
        int at(byte[] in, int at) {
            if (at >= in.length || in[at] < 0) {
                return -1;
            }
            for (int candidate : byFirstByte[in[at]]) {
                byte[] name = names[candidate];
                int end = at + name.length;
                if (end < in.length && in[end] == '"' && equalsAt(name, longs[candidate], in, at)) {
                    return candidate;
                }
            }
            return -1;
        }

        /** Whether the name is in the body at {@code at}; the caller has checked it fits. */
        static boolean equalsAt(byte[] name, byte[] in, int at) {
            for (int i = 0; i < name.length; i++) {
                if (in[at + i] != name[i]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean equalsAt(byte[] name, long[] longs, byte[] in, int at) {
            for (int i = 0; i < longs.length; i++) {
                if ((long) LONGS.get(in, at + i * 8) != longs[i]) {
                    return false;
                }
            }
            for (int i = longs.length * 8; i < name.length; i++) {
                if (in[at + i] != name[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
