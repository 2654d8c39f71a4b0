package org.innoreg.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Bearer tokens for tests, signed with the test key pair the services under test trust ({@link
 * JwtTestResource}), and the broken ones a security test needs.
 */
public final class TestTokens {

    public static final String ISSUER = "https://innoreg.local";
    public static final String AUDIENCE = "innoreg";
    static final String PUBLIC_KEY_RESOURCE = "innoreg-test-jwt/public.pem";

    private static final PrivateKey KEY = readKey("innoreg-test-jwt/private.pem");
    private static final PrivateKey OTHER_KEY = otherKey();

    private TestTokens() {}

    /** A valid token for an hour. */
    public static String token(String subject, List<String> roles, List<String> regions) {
        return forAnHour(subject, roles, regions, ISSUER, AUDIENCE).sign(KEY);
    }

    public static String admin() {
        return token("test-admin", List.of("admin"), List.of());
    }

    /** Expired a minute ago (past any clock skew allowance). */
    public static String expired(String subject, List<String> roles, List<String> regions) {
        return build(subject, roles, regions, ISSUER, AUDIENCE, Instant.now().minusSeconds(120))
                .sign(KEY);
    }

    /** Well-formed, but signed with a key the services do not trust. */
    public static String badSignature(String subject, List<String> roles, List<String> regions) {
        return forAnHour(subject, roles, regions, ISSUER, AUDIENCE).sign(OTHER_KEY);
    }

    public static String wrongIssuer(String subject, List<String> roles, List<String> regions) {
        return forAnHour(subject, roles, regions, "https://elsewhere.example", AUDIENCE).sign(KEY);
    }

    public static String wrongAudience(String subject, List<String> roles, List<String> regions) {
        return forAnHour(subject, roles, regions, ISSUER, "someone-else").sign(KEY);
    }

    /** Not a JWT at all. */
    public static String garbage() {
        return "definitely-not.a-jwt";
    }

    /** Claims valid from now for an hour. */
    private static JwtClaimsBuilder forAnHour(
            String subject,
            List<String> roles,
            List<String> regions,
            String issuer,
            String audience) {
        return build(subject, roles, regions, issuer, audience, Instant.now().plusSeconds(3600));
    }

    private static JwtClaimsBuilder build(
            String subject,
            List<String> roles,
            List<String> regions,
            String issuer,
            String audience,
            Instant expiresAt) {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(subject)
                .claim("roles", roles)
                .claim("regions", regions)
                .issuedAt(expiresAt.minusSeconds(3600))
                .expiresAt(expiresAt);
    }

    private static PrivateKey readKey(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            String pem =
                    new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                            .replaceAll("-----[A-Z ]+-----", "")
                            .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
