package org.safeguarding.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which build of the product this is: a SHA-256 over every class of rules-core, recorded when
 * rules-core is built ({@link #RESOURCE}). A saved index or stored proof carries the identity of
 * the build that proved it and is trusted only by that build (safety property 13): any change to
 * how a decision is worked out (provisional, the police criterion, derived facts) is a new build,
 * which proves the tables again.
 */
public final class BuildIdentity {
    /** Where the build writes it, beside the classes it was computed over. */
    public static final String RESOURCE = "org/safeguarding/rules/build-identity";
    private static final String CLASSES = "org/safeguarding/rules";
    private static volatile String current;

    private BuildIdentity() {
    }

    /** This build's identity: the recorded one, or (classes not packaged by the build) worked out from the classes themselves. */
    public static String current() {
        String identity = current;
        if (identity == null) {
            try (InputStream in = BuildIdentity.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                identity = in != null ? new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip() : ofCodeSource();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            current = identity;
        }
        return identity;
    }

    /** The identity of the classes under {@code root} (a classes folder or the root of a jar's file system). */
    public static String of(Path root) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        Path base = root.resolve(CLASSES);
        List<Path> classes;
        try (Stream<Path> files = Files.walk(base)) {
            classes = files.filter(f -> f.toString().endsWith(".class")).sorted((a, b) -> base.relativize(a).toString()
                    .compareTo(base.relativize(b).toString())).toList();
        }
        for (Path file : classes) {
            digest.update(base.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Files.readAllBytes(file));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String ofCodeSource() throws IOException {
        try {
            Path location = Path.of(BuildIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return of(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
                return of(jar.getPath("/"));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Nowhere to read the classes from: no saved index can be trusted, so everything is proven again.
            return "unknown-" + System.nanoTime();
        }
    }
}
