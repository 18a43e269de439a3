package org.safeguarding.rules.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.Workbook;

/**
 * The rule set store in a folder, the embedded default (one machine, {@code bin/serve}, no
 * set-up); replicas may share it on a volume that renames atomically. The versions of the tables on disk:
 * <pre>
 *   ROOT/versions/SHA256/          one folder per version, never changed once written
 *        workbooks/NAME.xlsx        the uploaded files, byte for byte
 *        version.json               who, when, passed, report
 *        proven.index               the built, proven rule set (a cache: checked against the
 *                                   workbooks on every load, rebuilt when it does not match)
 *   ROOT/active.json               the active version and the previously active ones (for roll back)
 *   ROOT/audit.jsonl               every upload, activation, roll back and deploy, one JSON line
 *                                  each, appended and forced to disk, never rewritten
 * </pre>
 * A version is written into a temporary folder, every file forced to disk, then renamed into
 * place in one step; the active pointer is replaced the same way. A crash leaves either the old
 * state or the new one, and stray temporary folders are removed on start.
 */
public final class FileRuleSetStore implements RuleSetStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION_FILE = "version.json";
    private static final String ACTIVE_FILE = "active.json";
    private static final String POINTER_LOCK = "active.lock";
    private static final java.util.concurrent.ConcurrentMap<Path, Object> POINTER_MONITORS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String INDEX_FILE = "proven.index";
    private static final String AUDIT_FILE = "audit.jsonl";
    static final int MAX_NAME = 120;

    private final Path root;
    private final Path versions;
    private final Path temp;

    public FileRuleSetStore(Path root) {
        this.root = root;
        this.versions = root.resolve("versions");
        this.temp = root.resolve("tmp");
        try {
            Files.createDirectories(versions);
            Files.createDirectories(temp);
            try (Stream<Path> leftovers = Files.list(temp)) {
                for (Path leftover : leftovers.toList()) {
                    deleteTree(leftover);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the rule set store at " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return "folder " + root;
    }

    /** Stores a version unless one with the same SHA-256 is already stored (versions never change). */
    @Override
    public StoredVersion save(String sha256, List<Workbook> workbooks, String uploadedBy, Instant uploadedAt, boolean passed,
                              ObjectNode report, String note) throws IOException {
        Path target = versions.resolve(sha256);
        if (Files.isDirectory(target)) {
            return read(sha256).orElseThrow();
        }
        Path staging = temp.resolve(UUID.randomUUID().toString());
        Files.createDirectories(staging.resolve("workbooks"));
        try {
            for (Workbook workbook : workbooks) {
                writeDurably(staging.resolve("workbooks").resolve(safeName(workbook.name())), workbook.bytes());
            }
            StoredVersion version = new StoredVersion(sha256, uploadedBy, uploadedAt, passed, report, note);
            writeDurably(staging.resolve(VERSION_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(version)));
            force(staging.resolve("workbooks"));
            force(staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                deleteTree(staging); // stored meanwhile by another upload of the same bytes
            }
            force(versions);
            return read(sha256).orElseThrow();
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    @Override
    public Optional<StoredVersion> read(String sha256) throws IOException {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty(); // checked before it names a path: any text can arrive here from a URL
        }
        Path file = versions.resolve(sha256).resolve(VERSION_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode json = JSON.readTree(file.toFile());
        return Optional.of(new StoredVersion(json.get("sha256").asText(), json.get("uploadedBy").asText(),
                Instant.parse(json.get("uploadedAt").asText()), json.get("passed").asBoolean(), (ObjectNode) json.get("report"),
                json.path("note").asText("")));
    }

    @Override
    public List<Workbook> workbooks(String sha256) throws IOException {
        List<Workbook> workbooks = new ArrayList<>();
        try (Stream<Path> files = Files.list(versions.resolve(sha256).resolve("workbooks"))) {
            for (Path file : files.sorted().toList()) {
                workbooks.add(new Workbook(file.getFileName().toString(), Files.readAllBytes(file)));
            }
        }
        return workbooks;
    }

    /** The proven index saved beside a version, if any; the caller checks it against the workbooks. */
    @Override
    public Optional<byte[]> index(String sha256) throws IOException {
        if (read(sha256).isEmpty()) {
            return Optional.empty();
        }
        Path file = versions.resolve(sha256).resolve(INDEX_FILE);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Saves (or replaces) a version's proven index in one step: a reader sees the old file or the new one. */
    @Override
    public void saveIndex(String sha256, byte[] index) throws IOException {
        if (read(sha256).isEmpty()) {
            throw new IllegalArgumentException("no stored version " + sha256);
        }
        Path staging = temp.resolve(INDEX_FILE + "." + UUID.randomUUID());
        writeDurably(staging, index);
        try {
            Files.move(staging, versions.resolve(sha256).resolve(INDEX_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(staging);
            throw e;
        }
        force(versions.resolve(sha256));
    }

    /** Every stored version, newest first. */
    @Override
    public List<StoredVersion> list() throws IOException {
        List<StoredVersion> list = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(versions)) {
            for (Path dir : dirs.toList()) {
                read(dir.getFileName().toString()).ifPresent(list::add);
            }
        }
        list.sort(Comparator.comparing(StoredVersion::uploadedAt).reversed());
        return list;
    }

    /**
     * Removes the oldest versions that failed their checks beyond {@code keep}, so failed uploads
     * cannot fill the disk. A failed version can never be active, so nothing refers to it. Each
     * is moved out of place in one step before its files are deleted.
     */
    @Override
    public void pruneFailed(int keep) throws IOException {
        List<StoredVersion> failed = list().stream().filter(v -> !v.passed()).toList();
        for (StoredVersion version : failed.subList(Math.min(keep, failed.size()), failed.size())) {
            Path doomed = temp.resolve("deleted-" + UUID.randomUUID());
            try {
                Files.move(versions.resolve(version.sha256()), doomed, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.NoSuchFileException e) {
                continue; // pruned meanwhile by another replica
            }
            deleteTree(doomed);
        }
        force(versions);
    }

    /**
     * Appends one line to the audit trail and forces it to disk. One write per line, so lines
     * from several replicas sharing the store never interleave.
     */
    @Override
    public synchronized void audit(AuditEntry entry) throws IOException {
        ObjectNode json = JSON.createObjectNode().put("at", entry.at().toString()).put("action", entry.action())
                .put("sha256", entry.sha256()).put("subject", entry.subject()).put("detail", entry.detail());
        byte[] line = (JSON.writeValueAsString(json) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path file = root.resolve(AUDIT_FILE);
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
                java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
                reader.read(last, reader.size() - 1);
                if (last.get(0) != '\n') {
                    // A line cut short by a crash: end it, so this entry starts a line of its own.
                    byte[] withBreak = new byte[line.length + 1];
                    withBreak[0] = '\n';
                    System.arraycopy(line, 0, withBreak, 1, line.length);
                    line = withBreak;
                }
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(line));
            channel.force(true);
        }
    }

    /** The audit trail, newest first: {@code limit} entries after skipping {@code offset}. A torn last line is skipped. */
    @Override
    public List<AuditEntry> audit(int offset, int limit) throws IOException {
        Path file = root.resolve(AUDIT_FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
        List<AuditEntry> entries = new ArrayList<>();
        int skipped = 0;
        for (int i = lines.size() - 1; i >= 0 && entries.size() < limit; i--) {
            AuditEntry entry;
            try {
                JsonNode json = JSON.readTree(lines.get(i));
                entry = new AuditEntry(Instant.parse(json.get("at").asText()), json.get("action").asText(), json.get("sha256").asText(),
                        json.get("subject").asText(), json.path("detail").asText(""));
            } catch (IOException | RuntimeException e) {
                continue; // a line cut short by a crash: the entries around it stand
            }
            if (skipped++ >= offset) {
                entries.add(entry);
            }
        }
        return entries;
    }

    @Override
    public Optional<Pointer> pointer() throws IOException {
        Path file = root.resolve(ACTIVE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode json = JSON.readTree(file.toFile());
        List<String> previous = new ArrayList<>();
        json.get("previous").forEach(n -> previous.add(n.asText()));
        return Optional.of(new Pointer(json.get("active").asText(), previous));
    }

    /** Replaces the active pointer in one step: after a crash it is either the old pointer or this one. */
    @Override
    public void setPointer(Pointer pointer) throws IOException {
        ObjectNode json = JSON.createObjectNode().put("active", pointer.active());
        ArrayNode previous = json.putArray("previous");
        pointer.previous().forEach(previous::add);
        Path staging = temp.resolve(ACTIVE_FILE + "." + UUID.randomUUID());
        writeDurably(staging, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        try {
            Files.move(staging, root.resolve(ACTIVE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(staging);
            throw new IOException("the store's file system cannot replace files atomically", e);
        }
        force(root);
    }

    /**
     * Compared and set under a lock file beside the pointer, so replicas sharing the folder take
     * turns; within this JVM under one monitor per folder first, since a JVM may hold a file's
     * lock only once (two stores on one folder, as tests make, would otherwise collide).
     */
    @Override
    public boolean setPointerIf(String expectedActive, Pointer pointer, AuditEntry why) throws IOException {
        synchronized (POINTER_MONITORS.computeIfAbsent(root.toAbsolutePath().normalize(), folder -> new Object())) {
            try (java.nio.channels.FileChannel lockFile = java.nio.channels.FileChannel.open(root.resolve(POINTER_LOCK),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock held = lockFile.lock()) {
                if (!java.util.Objects.equals(pointer().map(Pointer::active).orElse(null), expectedActive)) {
                    return false;
                }
                setPointer(pointer, why);
                return true;
            }
        }
    }

    private static ObjectNode toJson(StoredVersion version) {
        ObjectNode json = JSON.createObjectNode().put("sha256", version.sha256()).put("uploadedBy", version.uploadedBy())
                .put("uploadedAt", version.uploadedAt().toString()).put("passed", version.passed()).put("note", version.note());
        json.set("report", version.report());
        return json;
    }

    /**
     * Keeps only the last segment of an uploaded name, in safe characters and at most
     * {@link #MAX_NAME} long (the start and the end are kept, so {@code .drl.xlsx} survives): an
     * uploaded name never chooses where a file goes and never fails to be a file name.
     */
    static String safeName(String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String base = last.replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.length() > MAX_NAME) {
            base = base.substring(0, MAX_NAME / 2) + "_" + base.substring(base.length() - MAX_NAME / 2 + 1);
        }
        return base.isEmpty() || base.startsWith(".") ? "workbook_" + base : base;
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        }
    }

    /** Forces a directory's entries to disk, so a rename into it survives a power cut. */
    private static void force(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open directories; the rename is still atomic there.
        }
    }

    private static void deleteTree(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary folder is removed on the next start
        }
    }
}
