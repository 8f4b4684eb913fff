package dev.kexwatch.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Bearer tokens for tests, signed with the test key pair whose public half the test profile trusts. */
public final class TestTokens {

    public static final String ISSUER = "kexwatch";
    private static final PrivateKey TEST_KEY = readKey("/keys/test-private.pem");

    private TestTokens() {
    }

    public static String operator() {
        return valid("test-operator", Roles.OPERATOR);
    }

    public static String viewer() {
        return valid("test-viewer", Roles.VIEWER);
    }

    /** A well-signed token without any kexwatch role. */
    public static String noRole() {
        return valid("test-nobody", "auditor");
    }

    public static String expired() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return Jwt.issuer(ISSUER).upn("test-late").groups(Set.of(Roles.OPERATOR)).issuedAt(past)
                .expiresAt(past.plus(Duration.ofMinutes(30))).sign(TEST_KEY);
    }

    /** An operator token signed by a key the service does not trust. */
    public static String signedByStranger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return operatorClaims("test-stranger", ISSUER).sign(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An operator token valid for a year: past the one day a token may live (smallrye.jwt.time-to-live). */
    public static String longLived() {
        return Jwt.issuer(ISSUER).upn("test-long-lived").groups(Set.of(Roles.OPERATOR)).expiresIn(Duration.ofDays(365))
                .sign(TEST_KEY);
    }

    /** An operator token from another issuer, signed with the trusted key. */
    public static String otherIssuer() {
        return operatorClaims("test-elsewhere", "https://issuer.invalid").sign(TEST_KEY);
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder operatorClaims(String name, String issuer) {
        return Jwt.issuer(issuer).upn(name).groups(Set.of(Roles.OPERATOR)).expiresIn(Duration.ofHours(1));
    }

    private static String valid(String name, String role) {
        return Jwt.issuer(ISSUER).upn(name).groups(Set.of(role)).expiresIn(Duration.ofHours(1)).sign(TEST_KEY);
    }

    private static PrivateKey readKey(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bad test key " + resource, e);
        }
    }
}
