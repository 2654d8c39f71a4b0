package org.innoreg.chassis.security;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.innoreg.chassis.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * 401 and 403 as RFC 9457 problems. A 401 says which check the token failed (missing, malformed, bad
 * signature, expired, wrong issuer or audience) and nothing more; a 403 says the role is missing.
 */
public class SecurityProblems {

    @ServerExceptionMapper
    public Response missing(UnauthorizedException e, UriInfo uri) {
        return unauthorized("token-missing", "Authentication required",
                "this operation needs a bearer token: Authorization: Bearer <JWT>", uri, null);
    }

    @ServerExceptionMapper
    public Response rejected(AuthenticationFailedException e, UriInfo uri) {
        InvalidJwtException invalid = find(e);
        String slug = "token-malformed";
        String detail = "the bearer token is not a well-formed signed JWT";
        if (invalid != null) {
            if (invalid.hasExpired()) {
                slug = "token-expired";
                detail = "the bearer token has expired";
            } else if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
                slug = "token-bad-signature";
                detail = "the bearer token's signature does not verify with the configured key";
            } else if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                slug = "token-wrong-issuer";
                detail = "the bearer token was issued by someone this service does not trust";
            } else if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                slug = "token-wrong-audience";
                detail = "the bearer token is meant for another audience";
            }
        }
        return unauthorized(slug, "Invalid token", detail, uri, "invalid_token");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        Problem problem = new Problem(Problem.TYPE_PREFIX + "role-forbidden", "Role required", 403,
                "your token's roles do not allow this operation", uri.getPath(), List.of(), Map.of());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response unauthorized(String slug, String title, String detail, UriInfo uri, String error) {
        Problem problem = new Problem(Problem.TYPE_PREFIX + slug, title, 401, detail, uri.getPath(), List.of(), Map.of());
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, error == null ? "Bearer" : "Bearer error=\"" + error + "\"")
                .entity(problem).build();
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
