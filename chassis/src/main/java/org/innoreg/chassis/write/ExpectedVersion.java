package org.innoreg.chassis.write;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.web.ETags;

/**
 * The version a change was made against (optimistic concurrency). Over HTTP it is the {@code
 * If-Match} header, the ETag of the caller's last read: missing → 428, stale → 412 with the current
 * ETag. Services take this, never the header.
 */
public final class ExpectedVersion {

    private enum Kind {
        UNSTATED,
        ANY,
        ONE_OF,
        UNCONDITIONAL
    }

    private static final ExpectedVersion UNSTATED = new ExpectedVersion(Kind.UNSTATED, Set.of());
    private static final ExpectedVersion ANY = new ExpectedVersion(Kind.ANY, Set.of());
    private static final ExpectedVersion UNCONDITIONAL =
            new ExpectedVersion(Kind.UNCONDITIONAL, Set.of());

    private final Kind kind;
    private final Set<String> tags;

    private ExpectedVersion(Kind kind, Set<String> tags) {
        this.kind = kind;
        this.tags = tags;
    }

    /** From an {@code If-Match} header that a change requires: absent means 428. */
    public static ExpectedVersion ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return UNSTATED;
        }
        Set<String> tags =
                List.of(header.split(",")).stream()
                        .map(ExpectedVersion::opaqueTag)
                        .collect(Collectors.toSet());
        return tags.contains("*") ? ANY : new ExpectedVersion(Kind.ONE_OF, tags);
    }

    /**
     * From an {@code If-Match} header that a change may leave out (then it applies to any version).
     */
    public static ExpectedVersion ifMatchOptional(String header) {
        return header == null || header.isBlank() ? UNCONDITIONAL : ifMatch(header);
    }

    /** No condition: an import, whose file is authoritative for the records it names. */
    public static ExpectedVersion unconditional() {
        return UNCONDITIONAL;
    }

    /** An exact version (a caller that read the record itself). */
    public static ExpectedVersion of(long version) {
        return new ExpectedVersion(Kind.ONE_OF, Set.of(Long.toString(version)));
    }

    /** 428 if no version was stated, 412 if it is not the current one. */
    public void check(long currentVersion) {
        String current = ETags.of(currentVersion).getValue();
        switch (kind) {
            case UNCONDITIONAL, ANY -> {}
            case UNSTATED ->
                    throw new ProblemException(
                            ProblemException.Kind.VERSION_REQUIRED,
                            "precondition-required",
                            Messages.text("detail.precondition-required"),
                            List.of());
            case ONE_OF -> {
                if (!tags.contains(current)) {
                    throw new ProblemException(
                                    ProblemException.Kind.STALE_VERSION,
                                    "precondition-failed",
                                    Messages.text("detail.precondition-failed", current),
                                    List.of())
                            .with("currentETag", "\"" + current + "\"");
                }
            }
        }
    }

    /** {@code "3"} and {@code W/"3"} both name version 3 (a proxy may weaken the tag). */
    private static String opaqueTag(String candidate) {
        String tag = candidate.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        return tag;
    }
}
