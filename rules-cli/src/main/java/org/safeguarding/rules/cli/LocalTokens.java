package org.safeguarding.rules.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A local signing key pair and RS256 tokens signed with it, for development and demos only: the
 * service started by bin/serve trusts the public key; production services trust their
 * organisation's identity provider instead. The pair is made on first use and never committed
 * (it lives in a git-ignored folder).
 */
public final class LocalTokens {
    public static final String ISSUER = "https://safeguarding.local/dev";
    /** The audience the service requires by default (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "safeguarding-rules";
    static final String PRIVATE_KEY = "private-key.pem";
    static final String PUBLIC_KEY = "public-key.pem";

    private LocalTokens() {
    }

    /** The folder holding the pair: SAFEGUARDING_KEYS if set, else .local/keys in the repository (where bin/serve makes it). */
    public static Path folder(Path repository) {
        String configured = System.getenv("SAFEGUARDING_KEYS");
        return configured != null && !configured.isBlank() ? Path.of(configured) : repository.resolve(".local").resolve("keys");
    }

    /**
     * Makes the pair in the folder given, if it is not there yet. bin/serve runs this file on its
     * own ({@code java LocalTokens.java FOLDER}, the JDK's source launcher: it uses the JDK alone),
     * so a first run needs nothing beyond Java to make keys.
     */
    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length != 1) {
            System.err.println("usage: java LocalTokens.java FOLDER");
            System.exit(2);
        }
        ensureKeys(Path.of(args[0]));
    }

    /** Makes the pair if it does not exist yet. */
    public static void ensureKeys(Path folder) throws IOException, GeneralSecurityException {
        Path privateKey = folder.resolve(PRIVATE_KEY);
        if (Files.exists(privateKey)) {
            return;
        }
        Files.createDirectories(folder);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(folder.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
    }

    /** A token for {@code role}, valid for {@code lifetime}. */
    public static String token(Path folder, String subject, String role, Duration lifetime) throws IOException, GeneralSecurityException {
        ensureKeys(folder);
        String body = Files.readString(folder.resolve(PRIVATE_KEY)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        return sign(key, ISSUER, subject, role, Instant.now(), lifetime);
    }

    /** An RS256 JSON Web Token with the claims the service reads (iss, aud, sub, groups, iat, exp, jti). */
    public static String sign(PrivateKey key, String issuer, String subject, String role, Instant issuedAt, Duration lifetime)
            throws GeneralSecurityException {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(String.format(
                "{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"%s\",\"upn\":\"%s\",\"groups\":[\"%s\"],\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}",
                issuer, AUDIENCE, subject, subject, role, issuedAt.getEpochSecond(), issuedAt.plus(lifetime).getEpochSecond(), UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + url.encodeToString(signature.sign());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
