package org.innoreg.chassis.web;

import java.util.List;

import org.innoreg.chassis.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: a change must name the version it was made against in
 * {@code If-Match} (the ETag of its last read). Missing: 428; stale: 412 with the current ETag.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag of your last read, so a concurrent change is not overwritten", List.of());
        }
        String current = ETags.of(currentVersion).getValue();
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "Precondition failed",
                "the record changed since you read it: read it again (current ETag \"" + current + "\")", List.of())
                .with("currentETag", "\"" + current + "\"");
    }
}
