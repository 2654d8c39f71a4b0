package org.innoreg.chassis.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.validation.RegionCodes;

/**
 * Who is calling: the token's subject, its roles and the regions it may write under ({@code
 * regions} claim; a region includes every region below it). Services ask it before changing a
 * record.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * The subject of the current request's token, for audit; empty for anonymous callers and for
     * work done outside a request (an event consumer).
     */
    public static Optional<String> currentSubject() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        return Arc.container().instance(Caller.class).get().subject();
    }

    public Optional<String> subject() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return Optional.of(token.getSubject());
        }
        return Optional.of(identity.getPrincipal().getName());
    }

    /** Authenticated with a reader role or above: may see the fields a bureau does not publish. */
    public boolean isReader() {
        return !identity.isAnonymous()
                && (identity.hasRole(Roles.READER)
                        || identity.hasRole(Roles.ADMIN)
                        || identity.getRoles().stream().anyMatch(role -> role.endsWith("-editor")));
    }

    public boolean isAdmin() {
        return !identity.isAnonymous() && identity.hasRole(Roles.ADMIN);
    }

    /** The region codes of the token's {@code regions} claim. */
    public List<String> regions() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return List.of();
        }
        Object claim = token.getClaim("regions");
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(claim.toString().split("[,\\s]+"));
    }

    /**
     * Whether the caller may write records of this region: an admin anywhere, others under their
     * regions. Only well-formed codes count: a claim of "" or "4" must not open every region.
     */
    public boolean mayWrite(String region) {
        return isAdmin()
                || (region != null
                        && regions().stream()
                                .filter(scope -> scope.matches("[1-8][0-9]{5}"))
                                .anyMatch(
                                        scope ->
                                                region.startsWith(
                                                        RegionCodes.descendantPrefix(scope))));
    }

    /** 403 unless the caller may write records of this region. */
    public void checkRegion(String region) {
        if (!mayWrite(region)) {
            List<String> scopes = regions();
            throw new ProblemException(
                            ProblemException.Kind.FORBIDDEN,
                            "region-forbidden",
                            Messages.text(
                                    "detail.region-forbidden",
                                    region,
                                    scopes.isEmpty()
                                            ? Messages.text("word.none")
                                            : String.join(", ", scopes)),
                            null)
                    .with("region", region);
        }
    }

    /** 403 unless the caller is an admin (rebuilds, imports touching other regions). */
    public void checkAdmin(String what) {
        if (!isAdmin()) {
            throw new ProblemException(
                    ProblemException.Kind.FORBIDDEN,
                    "admin-only",
                    Messages.text("detail.admin-only", what),
                    null);
        }
    }
}
