package org.safeguarding.rules.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.Warning;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Question;
import org.safeguarding.rules.api.Reason;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.RuleSetVersion;
import org.safeguarding.rules.json.tree.Trees;

/**
 * Recommendations in the wire format of decision model section 5, both ways: written as the
 * service answers (a {@code String}, UTF-8 bytes, or a stream) and read back from it, e.g. from
 * an MIS's own store. The same document whichever way it is written.
 */
public final class RecommendationJson {
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();
    /** For the one-off writes: remembers nothing, so nothing is shared between callers or rule sets. */
    private static final Encoder ONE_OFF = new Encoder(0);

    private RecommendationJson() {
    }

    /** The recommendation as a JSON document. */
    public static String write(Recommendation r) {
        return new String(writeBytes(r), StandardCharsets.UTF_8);
    }

    /** The recommendation written to a stream as UTF-8 JSON; the stream is not closed. */
    public static void write(Recommendation r, OutputStream out) throws IOException {
        out.write(writeBytes(r));
    }

    /**
     * A recommendation read back from the wire format.
     *
     * @throws IllegalArgumentException naming the field, when the document is not a recommendation
     */
    public static Recommendation read(String json) {
        return RecommendationReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The same, from UTF-8 bytes. */
    public static Recommendation read(byte[] json) {
        return RecommendationReader.read(json);
    }

    /** The same, from a stream of UTF-8, read to its end (not closed). */
    public static Recommendation read(InputStream json) throws IOException {
        return RecommendationReader.read(json.readAllBytes());
    }

    /**
     * The recommendation as UTF-8 JSON, written without building a tree. Actions, questions, reasons and summaries are fixed per
     * rule set, so each is encoded once and its bytes reused (and a list of actions or questions
     * that the engine hands out again, actions, questions or reasons, once as a whole): most of a response is quoted text. The
     * pieces are gathered first and copied once into an array of the exact size.
     */
    public static byte[] writeBytes(Recommendation r) {
        return encode(r).toByteArray();
    }

    /**
     * The same document as {@link #writeBytes(Recommendation)}, still in its encoded pieces, for a
     * caller that copies it once straight into its own output buffer (the service writes it into
     * the buffer the network layer sends).
     */
    public static Encoded encode(Recommendation r) {
        return ONE_OFF.encode(r);
    }

    /**
     * An encoder for one rule set's recommendations, to make once when the rule set is made active
     * and hold beside it (as the service does): the actions, questions, reasons and summaries a
     * rule set gives are fixed, so each is encoded once, and a list of them once as a whole. It
     * remembers at most a few thousand (a rule set has fewer distinct outcomes); past that it
     * encodes the rest each time. Thread-safe.
     */
    public static Encoder encoder() {
        return new Encoder(Fragments.MAX_ENTRIES);
    }

    /** Encodes recommendations, remembering the encoded values and lists of the rule set it serves. See {@link #encoder()}. */
    public static final class Encoder {
        private final Fragments fragments;
        private volatile RuleSetEnd lastRuleSetEnd = new RuleSetEnd(null, null);

        private Encoder(int remembered) {
            this.fragments = new Fragments(remembered);
        }

        /** The document, in its encoded pieces (see {@link RecommendationJson#encode(Recommendation)}). */
        public Encoded encode(Recommendation r) {
            return RecommendationJson.encode(r, fragments, ruleSetEnd(r.ruleSet()));
        }

        /** How many encoded values and lists it holds (at most a few thousand of each). */
        int remembered() {
            return fragments.size();
        }

        private byte[] ruleSetEnd(RuleSetVersion ruleSet) {
            RuleSetEnd last = lastRuleSetEnd;
            if (last.ruleSet() != ruleSet) {
                Encoded end = new Encoded(5).add(ascii("],\"ruleSet\":{\"version\":")).add(quoted(ruleSet.version()))
                        .add(ascii(",\"sha256\":")).add(quoted(ruleSet.sha256())).add(ascii("}}"));
                last = new RuleSetEnd(ruleSet, end.toByteArray());
                lastRuleSetEnd = last;
            }
            return last.bytes();
        }
    }

    private static Encoded encode(Recommendation r, Fragments fragments, byte[] ruleSetEnd) {
        Encoded out = new Encoded(24 + 4 * r.warnings().size() + 2 * r.derivedFacts().size());
        out.add(DECISION_ID).add(uuid(r.decisionId())).add(REFERENCE);
        out.add(r.reference() == null ? NULL : quoted(r.reference()));
        out.add(PATHWAY).add(PATHWAY_NAMES[r.pathway().ordinal()]).add(r.provisional() ? PROVISIONAL_TRUE : PROVISIONAL_FALSE)
                .add(fragments.of(r.summary()));
        out.add(ACTIONS).add(fragments.list(r.actions())).add(QUESTIONS).add(fragments.list(r.questions())).add(REASONS)
                .add(fragments.list(r.reasons())).add(DERIVED_FACTS);
        boolean first = true;
        for (Map.Entry<Fact, Answer> derived : r.derivedFacts().entrySet()) {
            out.add(DERIVED[derived.getKey().ordinal()][first ? 0 : 1][derived.getValue().ordinal()]);
            first = false;
        }
        out.add(WARNINGS);
        for (int i = 0; i < r.warnings().size(); i++) {
            Warning w = r.warnings().get(i);
            out.add(ascii(i == 0 ? "{\"field\":" : ",{\"field\":")).add(quoted(w.field())).add(MESSAGE).add(quoted(w.message()))
                    .add(CLOSE_OBJECT);
        }
        out.add(ruleSetEnd);
        return out;
    }

    /** {@code "name":value} for each fact, first in the object or after a comma, and answer. */
    private static final byte[][][][] DERIVED = java.util.Arrays.stream(Fact.values())
            .map(fact -> new byte[][][] {answers("\"" + fact.fieldName() + "\":"), answers(",\"" + fact.fieldName() + "\":")})
            .toArray(byte[][][][]::new);

    private static byte[][] answers(String prefix) {
        return java.util.Arrays.stream(Answer.values()).map(answer -> ascii(prefix + answer.toBoolean())).toArray(byte[][]::new);
    }

    /** The end of a response naming its rule set, kept for the rule set last seen (one engine serves many decisions). */
    private record RuleSetEnd(RuleSetVersion ruleSet, byte[] bytes) {
    }

    private static final byte[] HEX = ascii("0123456789abcdef");

    /** The UUID as {@link UUID#toString()} writes it, straight into bytes. */
    private static byte[] uuid(java.util.UUID id) {
        byte[] out = new byte[36];
        int at = 0;
        for (int nibble = 0; nibble < 32; nibble++) {
            if (nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20) {
                out[at++] = '-';
            }
            long bits = nibble < 16 ? id.getMostSignificantBits() : id.getLeastSignificantBits();
            out[at++] = HEX[(int) (bits >>> (60 - 4 * (nibble % 16))) & 0xf];
        }
        return out;
    }

    private static final byte[] DECISION_ID = ascii("{\"decisionId\":\"");
    private static final byte[] REFERENCE = ascii("\",\"reference\":");
    private static final byte[] NULL = ascii("null");
    private static final byte[] PATHWAY = ascii(",\"pathway\":\"");
    private static final byte[][] PATHWAY_NAMES = java.util.Arrays.stream(org.safeguarding.rules.api.Pathway.values())
            .map(p -> ascii(p.name())).toArray(byte[][]::new);
    private static final byte[] PROVISIONAL_TRUE = ascii("\",\"provisional\":true,\"summary\":");
    private static final byte[] PROVISIONAL_FALSE = ascii("\",\"provisional\":false,\"summary\":");
    private static final byte[] ACTIONS = ascii(",\"actions\":");
    private static final byte[] QUESTIONS = ascii(",\"questions\":");
    private static final byte[] REASONS = ascii(",\"reasons\":");
    private static final byte[] OPEN = ascii("[");
    private static final byte[] COMMA = ascii(",");
    private static final byte[] DERIVED_FACTS = ascii(",\"derivedFacts\":{");
    private static final byte[] WARNINGS = ascii("},\"warnings\":[");
    private static final byte[] MESSAGE = ascii(",\"message\":");
    private static final byte[] CLOSE_OBJECT = ascii("}");

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] quoted(String text) {
        byte[] inner = ENCODER.quoteAsUTF8(text);
        byte[] quoted = new byte[inner.length + 2];
        quoted[0] = '"';
        System.arraycopy(inner, 0, quoted, 1, inner.length);
        quoted[quoted.length - 1] = '"';
        return quoted;
    }

    /** A JSON document in UTF-8 as the byte arrays it is made of, to be copied once to where it goes. */
    public static final class Encoded {
        private byte[][] pieces;
        private int count;
        private int length;

        private Encoded(int expected) {
            pieces = new byte[expected][];
        }

        private Encoded add(byte[] piece) {
            if (count == pieces.length) {
                pieces = java.util.Arrays.copyOf(pieces, count * 2);
            }
            pieces[count++] = piece;
            length += piece.length;
            return this;
        }

        /** Its length in bytes. */
        public int length() {
            return length;
        }

        /** Copies the document into the target at its position, moving the position past it. */
        public void copyTo(java.nio.ByteBuffer target) {
            for (int i = 0; i < count; i++) {
                target.put(pieces[i]);
            }
        }

        public byte[] toByteArray() {
            byte[] all = new byte[length];
            int at = 0;
            for (int i = 0; i < count; i++) {
                System.arraycopy(pieces[i], 0, all, at, pieces[i].length);
                at += pieces[i].length;
            }
            return all;
        }
    }

    /**
     * Encoded JSON of the values and lists a rule set's recommendations repeat. A list is found by
     * identity first (a recommendation's lists are unmodifiable, its constructor sees to it, and the
     * engine hands out the same list for the same outcome), else by equality (an organisation's
     * engine makes new lists with the same contents), remembered as an unmodifiable copy. Bounded:
     * past its size it encodes the rest each time rather than growing or starting afresh.
     */
    private static final class Fragments {
        static final int MAX_ENTRIES = 4096;
        private final int remembered;
        private final Map<Object, byte[]> encoded = new ConcurrentHashMap<>();
        private final Map<List<?>, byte[]> lists = new ConcurrentHashMap<>();
        private final Map<Identity, byte[]> sameLists = new ConcurrentHashMap<>();

        Fragments(int remembered) {
            this.remembered = remembered;
        }

        /** A list by its identity: hashing its contents costs more than the rest of the response (ServiceWorkBenchmark.write). */
        private record Identity(List<?> list) {
            @Override
            public boolean equals(Object other) {
                return other instanceof Identity identity && identity.list == list;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(list);
            }
        }

        /** One of a recommendation's lists (unmodifiable). */
        byte[] list(List<?> items) {
            Identity same = new Identity(items);
            byte[] bytes = sameLists.get(same);
            if (bytes != null) {
                return bytes;
            }
            bytes = lists.get(items);
            if (bytes == null) {
                bytes = encodeList(items);
                if (lists.size() < remembered) {
                    lists.put(List.copyOf(items), bytes);
                }
            }
            if (sameLists.size() < remembered) {
                sameLists.put(same, bytes);
            }
            return bytes;
        }

        byte[] of(Object value) {
            byte[] bytes = encoded.get(value);
            if (bytes == null) {
                bytes = encode(value);
                if (encoded.size() < remembered) {
                    encoded.put(value, bytes);
                }
            }
            return bytes;
        }

        int size() {
            return encoded.size() + lists.size() + sameLists.size();
        }

        private byte[] encodeList(List<?> items) {
            Encoded pieces = new Encoded(2 * items.size() + 1);
            for (int i = 0; i < items.size(); i++) {
                pieces.add(i == 0 ? OPEN : COMMA).add(of(items.get(i)));
            }
            return pieces.add(items.isEmpty() ? ascii("[]") : ascii("]")).toByteArray();
        }

        private static byte[] encode(Object value) {
            if (value instanceof Action a) {
                return Trees.writeBytes(Trees.action(a));
            } else if (value instanceof Question q) {
                return Trees.writeBytes(Trees.question(q));
            } else if (value instanceof Reason reason) {
                return Trees.writeBytes(Trees.reason(reason));
            } else if (value instanceof String text) {
                return quoted(text);
            }
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getSimpleName());
        }
    }
}
