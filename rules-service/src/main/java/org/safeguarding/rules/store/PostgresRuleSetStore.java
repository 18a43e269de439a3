package org.safeguarding.rules.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;
import org.safeguarding.rules.api.Workbook;

/**
 * The rule set store in PostgreSQL, for many replicas without a shared volume. The schema is
 * Flyway's ({@code db/store}), brought up to date when the store opens; the pointer changes in
 * one transaction that also notifies {@value #CHANNEL}, so every replica listening follows an
 * activation at once. Connections come from the data source the service is given (in the service,
 * the Quarkus datasource's pool), one per call (admin calls are rare; decisions never touch the
 * store), and one more is held for listening alone. Every connection, read and statement is
 * bounded by the store's timeout ({@code safeguarding.store.timeout}, put into the connection URL
 * by {@link #withTimeouts}), so a database that hangs fails an admin call in that time instead of
 * holding it. Errors come out as {@link IOException}s, as from the file store.
 */
public final class PostgresRuleSetStore implements RuleSetStore {
    private static final Logger LOG = Logger.getLogger(PostgresRuleSetStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CHANNEL = "rule_set_pointer";
    private static final String VERSION_COLUMNS = "sha256, uploaded_by, uploaded_at, passed, report, note";

    /** The timeout when none is configured: as {@code safeguarding.store.timeout} defaults. */
    public static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofSeconds(10);

    private final DataSource data;
    private final String description;
    private volatile Thread listener;
    private volatile boolean closed;

    /**
     * Opens the store: migrates the schema, which connects, so this fails while the database is down.
     *
     * @param data        where connections come from, their URL already bounded by {@link #withTimeouts}
     * @param schema      Flyway over the same database, with the {@code db/store} migrations
     * @param description how the store is named in logs and the admin page, with no password
     */
    public PostgresRuleSetStore(DataSource data, Flyway schema, String description) {
        this.data = data;
        this.description = description;
        schema.migrate();
    }

    /**
     * A store over plain driver connections, one per call, with no pool: for tools and tests that
     * run without the service. The service uses its datasource's pool instead.
     */
    public static PostgresRuleSetStore unpooled(String url, String user, String password, java.time.Duration timeout) {
        PGSimpleDataSource data = new PGSimpleDataSource();
        data.setURL(withTimeouts(url, timeout));
        data.setUser(user);
        data.setPassword(password);
        return new PostgresRuleSetStore(data, Flyway.configure().dataSource(data).locations("classpath:db/store").load(), describe(url));
    }

    /** The URL without its password or the timeouts this class adds. */
    public static String describe(String url) {
        return "PostgreSQL " + url.replaceAll("password=[^&]*", "password=…")
                .replaceAll("[?&](connectTimeout|loginTimeout|socketTimeout|options)=[^&]*", "");
    }

    /**
     * The URL with the driver's connect, login and socket timeouts and the server's statement
     * timeout, so every connection, Flyway's included, is bounded. Settings already in the URL are kept.
     */
    public static String withTimeouts(String url, java.time.Duration timeout) {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        StringBuilder timed = new StringBuilder(url);
        char separator = url.contains("?") ? '&' : '?';
        for (String setting : List.of("connectTimeout=" + seconds, "loginTimeout=" + seconds, "socketTimeout=" + seconds,
                "options=-c%20statement_timeout%3D" + seconds * 1000)) {
            if (!url.contains(setting.substring(0, setting.indexOf('=') + 1))) {
                timed.append(separator).append(setting);
                separator = '&';
            }
        }
        return timed.toString();
    }

    private Connection connect() throws SQLException {
        return data.getConnection();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public StoredVersion save(String sha256, List<Workbook> workbooks, String uploadedBy, Instant uploadedAt, boolean passed,
                              ObjectNode report, String note) throws IOException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement version = c.prepareStatement("INSERT INTO rule_set_version (sha256, uploaded_by, uploaded_at, passed, report, note) VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING")) {
                version.setString(1, sha256);
                version.setString(2, uploadedBy);
                version.setTimestamp(3, Timestamp.from(uploadedAt));
                version.setBoolean(4, passed);
                version.setString(5, JSON.writeValueAsString(report));
                version.setString(6, note == null ? "" : note);
                if (version.executeUpdate() == 1) {
                    try (PreparedStatement file = c.prepareStatement("INSERT INTO rule_set_workbook (sha256, name, bytes) VALUES (?, ?, ?)")) {
                        for (Workbook workbook : workbooks) {
                            file.setString(1, sha256);
                            file.setString(2, FileRuleSetStore.safeName(workbook.name()));
                            file.setBytes(3, workbook.bytes());
                            file.addBatch();
                        }
                        file.executeBatch();
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw failed("store a version", e);
        }
        return read(sha256).orElseThrow();
    }

    @Override
    public Optional<StoredVersion> read(String sha256) throws IOException {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM rule_set_version WHERE sha256 = ?")) {
            s.setString(1, sha256);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(version(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read a version", e);
        }
    }

    private static StoredVersion version(ResultSet r) throws SQLException, IOException {
        return new StoredVersion(r.getString("sha256"), r.getString("uploaded_by"), r.getTimestamp("uploaded_at").toInstant(),
                r.getBoolean("passed"), (ObjectNode) JSON.readTree(r.getString("report")), r.getString("note"));
    }

    @Override
    public List<Workbook> workbooks(String sha256) throws IOException {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT name, bytes FROM rule_set_workbook WHERE sha256 = ? ORDER BY name")) {
            s.setString(1, sha256);
            List<Workbook> workbooks = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    workbooks.add(new Workbook(r.getString(1), r.getBytes(2)));
                }
            }
            return workbooks;
        } catch (SQLException e) {
            throw failed("read a version's workbooks", e);
        }
    }

    @Override
    public Optional<byte[]> index(String sha256) throws IOException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT bytes FROM rule_set_index WHERE sha256 = ?")) {
            s.setString(1, sha256);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read an index", e);
        }
    }

    @Override
    public void saveIndex(String sha256, byte[] index) throws IOException {
        if (read(sha256).isEmpty()) {
            throw new IllegalArgumentException("no stored version " + sha256);
        }
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO rule_set_index (sha256, bytes) VALUES (?, ?) ON CONFLICT (sha256) DO UPDATE SET bytes = EXCLUDED.bytes")) {
            s.setString(1, sha256);
            s.setBytes(2, index);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("save an index", e);
        }
    }

    @Override
    public List<StoredVersion> list() throws IOException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT " + VERSION_COLUMNS + " FROM rule_set_version ORDER BY uploaded_at DESC, sha256")) {
            List<StoredVersion> list = new ArrayList<>();
            while (r.next()) {
                list.add(version(r));
            }
            return list;
        } catch (SQLException e) {
            throw failed("list the versions", e);
        }
    }

    @Override
    public void pruneFailed(int keep) throws IOException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("DELETE FROM rule_set_version WHERE sha256 IN "
                + "(SELECT sha256 FROM rule_set_version WHERE NOT passed ORDER BY uploaded_at DESC, sha256 OFFSET ?)")) {
            s.setInt(1, keep);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failed("remove failed versions", e);
        }
    }

    @Override
    public void audit(AuditEntry entry) throws IOException {
        try (Connection c = connect()) {
            insertAudit(c, entry);
        } catch (SQLException e) {
            throw failed("add to the audit trail", e);
        }
    }

    private static void insertAudit(Connection c, AuditEntry entry) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO rule_set_audit (at, action, sha256, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(entry.at()));
            s.setString(2, entry.action());
            s.setString(3, entry.sha256());
            s.setString(4, entry.subject());
            s.setString(5, entry.detail());
            s.executeUpdate();
        }
    }

    @Override
    public List<AuditEntry> audit(int offset, int limit) throws IOException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT at, action, sha256, subject, detail FROM rule_set_audit ORDER BY id DESC OFFSET ? LIMIT ?")) {
            s.setInt(1, offset);
            s.setInt(2, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new AuditEntry(r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw failed("read the audit trail", e);
        }
    }

    @Override
    public Optional<Pointer> pointer() throws IOException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT active, previous FROM rule_set_pointer WHERE id = 1")) {
            if (!r.next()) {
                return Optional.empty();
            }
            List<String> previous = new ArrayList<>();
            JSON.readTree(r.getString(2)).forEach(n -> previous.add(n.asText()));
            return Optional.of(new Pointer(r.getString(1), previous));
        } catch (SQLException e) {
            throw failed("read the active pointer", e);
        }
    }

    @Override
    public void setPointer(Pointer pointer) throws IOException {
        setPointer(pointer, null);
    }

    /** The pointer, the audit row and the notification in one transaction: all of them or none. */
    @Override
    public void setPointer(Pointer pointer, AuditEntry why) throws IOException {
        changePointer("INSERT INTO rule_set_pointer (id, active, previous) VALUES (1, ?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET active = EXCLUDED.active, previous = EXCLUDED.previous", pointer, null, why);
    }

    /** One UPDATE (or INSERT, for the first pointer) whose condition is the comparison: the row's lock makes it one step. */
    @Override
    public boolean setPointerIf(String expectedActive, Pointer pointer, AuditEntry why) throws IOException {
        return expectedActive == null
                ? changePointer("INSERT INTO rule_set_pointer (id, active, previous) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING", pointer, null, why)
                : changePointer("UPDATE rule_set_pointer SET active = ?, previous = ? WHERE id = 1 AND active = ?", pointer, expectedActive, why);
    }

    private boolean changePointer(String sql, Pointer pointer, String expectedActive, AuditEntry why) throws IOException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql); Statement notify = c.createStatement()) {
                s.setString(1, pointer.active());
                s.setString(2, JSON.writeValueAsString(pointer.previous()));
                if (expectedActive != null) {
                    s.setString(3, expectedActive);
                }
                if (s.executeUpdate() == 0) {
                    c.rollback();
                    return false;
                }
                if (why != null) {
                    insertAudit(c, why);
                }
                notify.execute("NOTIFY " + CHANNEL); // delivered with the commit, to every replica listening
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            throw failed("change the active pointer", e);
        }
    }

    /**
     * A thread that listens on {@value #CHANNEL} over a connection it keeps for that alone, and
     * reconnects after the database comes back.
     */
    @Override
    public void onPointerChange(Runnable listener) {
        Thread thread = new Thread(() -> {
            while (!closed) {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                    org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
                    while (!closed) {
                        org.postgresql.PGNotification[] notes = pg.getNotifications(1000);
                        if (notes != null && notes.length > 0) {
                            listener.run();
                        }
                    }
                    s.execute("UNLISTEN *"); // the connection may go back to a pool: it must not take this listening with it
                } catch (SQLException | RuntimeException e) {
                    if (!closed) {
                        LOG.warnf("Not listening for activations (%s); retrying, and polling meanwhile", e.getClass().getSimpleName());
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                }
            }
        }, "rule-set-pointer-listener");
        thread.setDaemon(true);
        this.listener = thread;
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000); // it waits at most a second for a notification: let it give its connection back before the pool closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static IOException failed(String what, SQLException e) {
        return new IOException("The rule set store (PostgreSQL) could not " + what + ": " + e.getSQLState(), e);
    }
}
