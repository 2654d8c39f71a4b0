package org.innoreg.chassis.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * operationIds from the method and path ({@code listPlatforms}, {@code getPlatform}, {@code
 * updatePlatform}), stable while endpoints are added, instead of the Java class and method SmallRye
 * names an operation by (one given in {@code @Operation} stays).
 */
final class OperationIds {

    private static final Set<String> VERB_SEGMENTS =
            Set.of("import", "export", "match", "rebuild", "stream", "search");

    private OperationIds() {}

    /**
     * {@code GET /api/v1/platforms/{id}/history} → {@code getPlatformHistory}; a clash keeps the
     * one SmallRye made.
     */
    static void name(
            String path, PathItem.HttpMethod method, Operation operation, Set<String> taken) {
        // An operationId the resource gave itself (@Operation(operationId = ...)) stays: the
        // strategy's have "Class_method".
        String given = operation.getOperationId();
        if (given != null && !given.contains("_")) {
            taken.add(given);
            return;
        }
        String derived = operationId(path, method, operation);
        if (derived != null && taken.add(derived)) {
            operation.setOperationId(derived);
        } else if (operation.getOperationId() != null) {
            taken.add(operation.getOperationId());
        }
    }

    static String operationId(String path, PathItem.HttpMethod method, Operation operation) {
        if (!path.startsWith("/api/v1/")) {
            return null;
        }
        List<String> segments =
                new ArrayList<>(List.of(path.substring("/api/v1/".length()).split("/")));
        String verb =
                VERB_SEGMENTS.contains(segments.get(segments.size() - 1))
                        ? segments.remove(segments.size() - 1)
                        : null;
        int lastLiteral = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (!segments.get(i).startsWith("{")) {
                lastLiteral = i;
            }
        }
        // Every word singular but the last one when no parameter follows it: platforms/{id}/history
        // → PlatformHistory,
        // platforms/stats → PlatformStats, projects/{id}/milestones → ProjectMilestones.
        StringBuilder noun = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{")) {
                continue;
            }
            boolean followedByParameter =
                    i + 1 < segments.size() && segments.get(i + 1).startsWith("{");
            noun.append(
                    i == lastLiteral && !followedByParameter
                            ? pascal(segment)
                            : singular(pascal(segment)));
        }
        if (verb != null) {
            return verb + noun;
        }
        boolean item = segments.get(segments.size() - 1).startsWith("{");
        return switch (method) {
            case GET -> item || segments.size() > 1 ? "get" + noun : "list" + noun;
            case POST ->
                    "create"
                            + (item
                                    ? noun.toString()
                                    : singularLast(
                                            noun.toString(), segments.get(segments.size() - 1)));
            case PUT -> (creates(operation) ? "put" : "update") + noun;
            case DELETE -> "delete" + noun;
            case PATCH -> "patch" + noun;
            default -> null;
        };
    }

    private static boolean creates(Operation operation) {
        return operation.getResponses() != null
                && operation.getResponses().getAPIResponse("201") != null;
    }

    /**
     * The noun with its last word singular: {@code ProjectInvestmentReports} → {@code
     * ProjectInvestmentReport}.
     */
    private static String singularLast(String noun, String lastSegment) {
        String plural = pascal(lastSegment);
        return noun.endsWith(plural)
                ? noun.substring(0, noun.length() - plural.length()) + singular(plural)
                : noun;
    }

    private static String pascal(String segment) {
        StringBuilder out = new StringBuilder();
        for (String word : segment.split("[-_.]")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s")
                && !word.endsWith("ss")
                && !word.endsWith("series")
                && !word.endsWith("Stats")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
