package org.safeguarding.rules.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

/**
 * The verification keys' text as it is now, wherever the operator keeps it: a PEM or JWKS file
 * (re-read every {@code fileCheck} by the thread verifying a token, whether it was replaced by
 * {@code mv}, rewritten in place or swapped by a Kubernetes Secret update), or a JWKS URL
 * (fetched in the background every {@code urlRefresh}, and at once when a token names a key id
 * it does not hold, at most once per {@code minUrlRefresh} so tokens with invented key ids
 * cannot make the service hammer the identity provider). Each new text is a new {@link Keys}
 * value: whoever holds the old one knows to let go of what it verified with it.
 * <p>
 * SmallRye JWT, left to itself, reads a key file once at start and keeps it (a rotation had no
 * effect until restart); here it is given the text, never the location, so what it trusts is
 * what this class last read. A fetch that fails keeps the keys fetched before it: an identity
 * provider that is briefly down does not lock every caller out.
 */
final class VerificationKeys {
    private static final Logger LOG = Logger.getLogger(VerificationKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A file caught half-written is read again this soon, not a whole interval later. */
    private static final Duration RETRY_UNREADABLE = Duration.ofSeconds(1);

    /** The keys' text (PEM or JWKS), and the key ids a JWKS names (empty for PEM). */
    record Keys(String text, Set<String> keyIds) {
        static final Keys NONE = new Keys(null, Set.of());

        boolean isKeySet() {
            return text != null && text.stripLeading().startsWith("{");
        }
    }

    private final Path file;
    private final URI url;
    private final String inline;
    private final Duration fileCheck;
    private final Duration minUrlRefresh;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService background;
    private volatile Keys keys = Keys.NONE;
    private volatile long nextCheck;
    private long nextForcedFetch;

    private VerificationKeys(Path file, URI url, String inline, Duration fileCheck, Duration minUrlRefresh, Clock clock) {
        this.file = file;
        this.url = url;
        this.inline = inline;
        this.fileCheck = fileCheck;
        this.minUrlRefresh = minUrlRefresh;
        this.clock = clock;
        this.http = url == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.background = url == null ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "verification-keys");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The source a configured location names: {@code http:}/{@code https:} is a JWKS URL,
     * anything else a file (with or without {@code file:}); {@code inlineText} is used when
     * there is no location (keys given as text in the configuration).
     */
    static VerificationKeys of(String location, String inlineText, Duration fileCheck, Duration urlRefresh, Duration minUrlRefresh,
                               Clock clock) {
        Path file = null;
        URI url = null;
        if (location != null && !location.isBlank()) {
            String trimmed = location.strip();
            if (trimmed.startsWith("http:") || trimmed.startsWith("https:")) {
                url = URI.create(trimmed);
            } else if (trimmed.startsWith("file:")) {
                file = Path.of(URI.create(trimmed));
            } else if (!trimmed.startsWith("classpath:")) {
                file = Path.of(trimmed);
            }
        }
        VerificationKeys source = new VerificationKeys(file, url, file == null && url == null ? inlineText : null, fileCheck,
                minUrlRefresh, clock);
        source.refresh();
        if (source.background != null) {
            source.background.scheduleWithFixedDelay(source::refresh, urlRefresh.toMillis(), urlRefresh.toMillis(), TimeUnit.MILLISECONDS);
        }
        return source;
    }

    Keys current() {
        return keys;
    }

    /** Reads a key file again if its interval has passed (a URL is fetched in the background instead). */
    void refreshIfDue() {
        if (file != null && clock.millis() >= nextCheck) {
            synchronized (this) {
                // Threads that came due together read the file once: the first moves nextCheck on.
                if (clock.millis() >= nextCheck) {
                    refresh();
                }
            }
        }
    }

    /**
     * A token names a key id the JWKS at the URL does not hold: the identity provider may have
     * rotated, so fetch now, unless a fetch forced this way began less than
     * {@code minUrlRefresh} ago. On a thread that must not block (an event loop) the fetch runs
     * in the background and this token is refused; the next one finds the new keys.
     */
    void refreshForUnknownKeyId(String keyId, boolean mayBlock) {
        if (url == null || keyId == null || keys.keyIds().contains(keyId)) {
            return;
        }
        synchronized (this) {
            if (keys.keyIds().contains(keyId) || clock.millis() < nextForcedFetch) {
                return;
            }
            nextForcedFetch = clock.millis() + minUrlRefresh.toMillis();
        }
        if (mayBlock) {
            refresh();
        } else {
            background.execute(this::refresh);
        }
    }

    private synchronized void refresh() {
        String text;
        if (file != null) {
            text = readFile();
            nextCheck = clock.millis() + (text == null || !looksLikeKeys(text) ? RETRY_UNREADABLE : fileCheck).toMillis();
        } else if (url != null) {
            text = fetch();
            if (text == null) {
                return; // keep the keys fetched before
            }
        } else {
            text = inline;
        }
        if (!java.util.Objects.equals(text, keys.text())) {
            keys = new Keys(text, keyIds(text));
        }
    }

    /** Stops fetching from the URL (the service is stopping). */
    void close() {
        if (background != null) {
            background.shutdownNow();
        }
    }

    private String readFile() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null; // gone or unreadable: nothing verifies until it is back
        }
    }

    private String fetch() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && looksLikeKeys(response.body())) {
                return response.body();
            }
            LOG.warnf("The identity provider's key set answered HTTP %d; the keys fetched before are kept", response.statusCode());
        } catch (IOException e) {
            LOG.warnf("The identity provider's key set could not be fetched (%s); the keys fetched before are kept",
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static boolean looksLikeKeys(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("-----BEGIN") && trimmed.contains("-----END") || trimmed.startsWith("{") && trimmed.endsWith("}");
    }

    private static Set<String> keyIds(String text) {
        if (text == null || !text.stripLeading().startsWith("{")) {
            return Set.of();
        }
        try {
            JsonNode root = JSON.readTree(text);
            Set<String> ids = new HashSet<>();
            for (JsonNode key : root.has("keys") ? root.get("keys") : JSON.createArrayNode().add(root)) {
                if (key.hasNonNull("kid")) {
                    ids.add(key.get("kid").asText());
                }
            }
            return Set.copyOf(ids);
        } catch (IOException e) {
            return Set.of();
        }
    }
}
