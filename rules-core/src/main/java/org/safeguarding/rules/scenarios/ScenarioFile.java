package org.safeguarding.rules.scenarios;

import org.safeguarding.rules.api.Workbook;

import org.safeguarding.rules.api.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Person;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.ConsentByStep;
import org.safeguarding.rules.api.Role;

/**
 * The shipped scenario workbook, read at build time and saved without POI: the service's first
 * start must run these scenarios, and reading a spreadsheet cold costs most of a second. The
 * file is used only for the very workbook bytes it was read from (SHA-256), and anything it
 * names that this version of the product does not know makes it unused; the workbook is then
 * read as usual.
 */
public final class ScenarioFile {
    public static final String BUNDLED = "org/safeguarding/rules/bundled-scenarios.bin";
    private static final int MAGIC = 0x53475343; // "SGSC"
    private static final int FORMAT = 2;

    private ScenarioFile() {
    }

    /** The shipped scenarios: from the file saved at build time when it matches, else read from the workbook. */
    public static List<Scenario> bundled() {
        byte[] workbook = Workbook.bundled(Workbook.BUNDLED_SCENARIOS).bytes();
        try (InputStream in = ScenarioFile.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in != null) {
                Optional<List<Scenario>> saved = read(in.readAllBytes(), workbook);
                if (saved.isPresent()) {
                    return saved.get();
                }
            }
        } catch (IOException e) {
            // read from the workbook below
        }
        return ScenarioWorkbook.read(Workbook.BUNDLED_SCENARIOS, workbook).scenarios();
    }

    /** The scenarios read from a workbook, saved for {@link #read}. */
    public static byte[] write(List<Scenario> scenarios, byte[] workbook) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.write(sha256(workbook));
            out.writeInt(scenarios.size());
            for (Scenario s : scenarios) {
                out.writeUTF(s.workbook());
                out.writeInt(s.excelRow());
                out.writeUTF(s.id());
                out.writeUTF(s.description());
                out.writeUTF(s.guidance());
                for (Fact fact : Fact.values()) {
                    out.writeUTF(fact.name());
                    out.writeUTF(s.incident().value(fact).name());
                }
                out.writeInt(s.incident().people().size());
                for (Person person : s.incident().people()) {
                    writeList(out, person.roles().stream().map(Enum::name).toList());
                    out.writeInt(person.age() == null ? -1 : person.age());
                    out.writeUTF(person.worksForSetting().name());
                }
                ConsentByStep steps = s.incident().consentByStep();
                for (Answer step : List.of(steps.making(), steps.sending(), steps.forwarding())) {
                    out.writeUTF(step.name());
                }
                out.writeUTF(s.pathway().name());
                out.writeByte(s.provisional().map(p -> p ? 1 : 0).orElse(-1));
                writeList(out, s.mustInclude().stream().map(Enum::name).toList());
                writeList(out, s.mustNotInclude().stream().map(Enum::name).toList());
                writeList(out, s.mustFire());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The scenarios saved for exactly these workbook bytes; empty for anything else. */
    static Optional<List<Scenario>> read(byte[] file, byte[] workbook) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(file))) {
            byte[] sha = new byte[32];
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return Optional.empty();
            }
            in.readFully(sha);
            if (!MessageDigest.isEqual(sha, sha256(workbook))) {
                return Optional.empty();
            }
            int count = in.readInt();
            List<Scenario> scenarios = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int excelRow = in.readInt();
                String id = in.readUTF();
                String description = in.readUTF();
                String guidance = in.readUTF();
                Incident.Builder incident = Incident.builder();
                for (int f = 0; f < Fact.values().length; f++) {
                    Fact fact = Fact.valueOf(in.readUTF());
                    String value = in.readUTF();
                    incident.set(fact, fact.domain().stream().filter(v -> v.name().equals(value)).findFirst().orElseThrow());
                }
                for (int p = in.readInt(); p > 0; p--) {
                    List<Role> roles = readList(in).stream().map(Role::valueOf).toList();
                    int age = in.readInt();
                    incident.person(new Person(roles, age < 0 ? null : age, Answer.valueOf(in.readUTF())));
                }
                incident.consentByStep(new ConsentByStep(Answer.valueOf(in.readUTF()), Answer.valueOf(in.readUTF()),
                        Answer.valueOf(in.readUTF())));
                Pathway pathway = Pathway.valueOf(in.readUTF());
                byte provisional = in.readByte();
                List<ActionCode> mustInclude = readList(in).stream().map(ActionCode::valueOf).toList();
                List<ActionCode> mustNotInclude = readList(in).stream().map(ActionCode::valueOf).toList();
                scenarios.add(new Scenario(name, excelRow, id, description, guidance, incident.build(), pathway,
                        provisional < 0 ? Optional.empty() : Optional.of(provisional == 1), mustInclude, mustNotInclude, readList(in)));
            }
            return in.read() == -1 ? Optional.of(scenarios) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeList(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 1000) {
            throw new IOException("count out of range");
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
