package org.innoreg.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Makes the service under test trust the test key pair's public key (see {@link TestTokens}). */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location",
                TestTokens.PUBLIC_KEY_RESOURCE,
                "mp.jwt.verify.issuer",
                TestTokens.ISSUER,
                "mp.jwt.verify.audiences",
                TestTokens.AUDIENCE);
    }

    @Override
    public void stop() {}
}
