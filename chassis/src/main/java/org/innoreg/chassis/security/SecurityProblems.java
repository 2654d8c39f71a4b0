package org.innoreg.chassis.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * 401 and 403 as RFC 9457 problems. A 401 says which check the token failed (missing, malformed,
 * bad signature, expired, wrong issuer or audience) and nothing more; a 403 says the role is
 * missing.
 */
public class SecurityProblems {

    @ServerExceptionMapper
    public Response missing(UnauthorizedException e, UriInfo uri) {
        return unauthorized("token-missing", uri, null);
    }

    @ServerExceptionMapper
    public Response rejected(AuthenticationFailedException e, UriInfo uri) {
        InvalidJwtException invalid = find(e);
        String slug = "token-malformed";
        if (invalid != null) {
            if (invalid.hasExpired()) {
                slug = "token-expired";
            } else if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
                slug = "token-bad-signature";
            } else if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID)
                    || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                slug = "token-wrong-issuer";
            } else if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
                    || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                slug = "token-wrong-audience";
            }
        }
        return unauthorized(slug, uri, "invalid_token");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        Problem problem = problem("role-forbidden", 403, uri);
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** Title {@code title.<slug>}, detail {@code detail.<slug>}: each check's own texts. */
    private static Problem problem(String slug, int status, UriInfo uri) {
        return new Problem(
                Problem.TYPE_PREFIX + slug,
                Messages.text("title." + slug),
                status,
                Messages.text("detail." + slug),
                uri.getPath(),
                List.of(),
                Map.of());
    }

    private static Response unauthorized(String slug, UriInfo uri, String error) {
        Problem problem = problem(slug, 401, uri);
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(
                        HttpHeaders.WWW_AUTHENTICATE,
                        error == null ? "Bearer" : "Bearer error=\"" + error + "\"")
                .entity(problem)
                .build();
    }

    private static InvalidJwtException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
