package org.innoreg.chassis.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.security.Caller;

/**
 * {@code Idempotency-Key} for POST: the first request with a key runs, and its response is stored
 * in the same transaction as its change; a retry with the key and the same request gets that
 * response again (header {@code Idempotent-Replayed: true}) and changes nothing; the key with a
 * different request is a 422. A concurrent retry waits for the first to commit. A request that
 * fails stores nothing. Keys are the caller's own: the same key from another token's subject is
 * another request, run (and refused, or not) on its own, never answered with the first caller's
 * response.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";

    /** The header's description in each operation that honours it. */
    public static final String DESCRIPTION =
            "Makes a retried request return the first response instead of making a second record";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    IdempotentRequests(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Runs {@code action} (which makes the change and builds the response) once per key.
     *
     * @param key the header's value; null runs the action without idempotency
     * @param method with path and body, what identifies the request besides the key
     */
    public Response run(
            String key, String method, String path, Object body, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.invalid(HEADER, Messages.text("field.idempotency-key"));
        }
        String requestHash = hash(method + " " + path + "\n" + toJson(body));
        // a header value holds no line break, so the subject and the key cannot run together
        String callersKey = Caller.currentSubject().orElse("") + "\n" + key;
        return QuarkusTransaction.joiningExisting()
                .call(
                        () -> {
                            int claimed =
                                    entityManager
                                            .createNativeQuery(
                                                    "INSERT INTO idempotency_key (key, request_hash) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING")
                                            .setParameter(1, callersKey)
                                            .setParameter(2, requestHash)
                                            .executeUpdate();
                            if (claimed == 0) {
                                return replay(callersKey, requestHash);
                            }
                            Response response = action.get();
                            entityManager
                                    .createNativeQuery(
                                            "UPDATE idempotency_key SET status = ?2, location = ?3, etag = ?4, body = ?5 WHERE key = ?1")
                                    .setParameter(1, callersKey)
                                    .setParameter(2, response.getStatus())
                                    .setParameter(
                                            3,
                                            response.getLocation() == null
                                                    ? null
                                                    : response.getLocation().toString())
                                    .setParameter(
                                            4,
                                            response.getEntityTag() == null
                                                    ? null
                                                    : response.getEntityTag().getValue())
                                    .setParameter(
                                            5,
                                            response.hasEntity()
                                                    ? toJson(response.getEntity())
                                                    : null)
                                    .executeUpdate();
                            return response;
                        });
    }

    private Response replay(String key, String requestHash) {
        Object[] stored =
                (Object[])
                        entityManager
                                .createNativeQuery(
                                        "SELECT request_hash, status, location, etag, body FROM idempotency_key WHERE key = ?1")
                                .setParameter(1, key)
                                .getSingleResult();
        if (!requestHash.equals(stored[0])) {
            throw new ProblemException(
                    ProblemException.Kind.UNPROCESSABLE,
                    "idempotency-key-reused",
                    Messages.text("detail.idempotency-key-reused"),
                    List.of());
        }
        Response.ResponseBuilder builder =
                Response.status((Integer) stored[1]).header("Idempotent-Replayed", "true");
        if (stored[2] != null) {
            builder.location(URI.create((String) stored[2]));
        }
        if (stored[3] != null) {
            builder.tag(new EntityTag((String) stored[3]));
        }
        if (stored[4] != null) {
            builder.entity(stored[4]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return builder.build();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
