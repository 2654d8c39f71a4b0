package org.innoreg.chassis.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token sent is a token verified, on every operation, reads included. Authentication otherwise
 * runs only where an operation looks at the caller ({@code quarkus.http.auth.proactive=false}, so
 * that its failures become problems inside JAX-RS), and a read that does not would answer an
 * expired or forged token 200, ignoring it silently. The OpenAPI documents say the same: every
 * operation that requires no token accepts one ({@code security: [{}, {bearer: []}]}, 401). No cost
 * for anonymous callers: nothing happens without an {@code Authorization} header.
 */
public class SentTokenVerified {

    @Inject CurrentIdentityAssociation identity;

    @ServerRequestFilter
    public Uni<Void> verify(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return null; // go on
        }
        // fails with AuthenticationFailedException, answered by SecurityProblems
        return identity.getDeferredIdentity().replaceWithVoid();
    }
}
