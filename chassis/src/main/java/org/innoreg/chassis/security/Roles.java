package org.innoreg.chassis.security;

/**
 * The roles a token's {@code roles} claim may carry. Write operations name their editor role and
 * {@code admin}; an editor or an admin is also a reader ({@link Caller#isReader()}).
 */
public final class Roles {

    /** Sees the fields a bureau does not publish (officials, obstacles' text). */
    public static final String READER = "reader";

    public static final String REGISTRY_EDITOR = "registry-editor";
    public static final String PROJECTS_EDITOR = "projects-editor";
    public static final String INDICATORS_EDITOR = "indicators-editor";

    /**
     * Every role, every region; alone allowed to rebuild read models and import other regions'
     * data.
     */
    public static final String ADMIN = "admin";

    private Roles() {}
}
