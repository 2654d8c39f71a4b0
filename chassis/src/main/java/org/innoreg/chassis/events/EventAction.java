package org.innoreg.chassis.events;

import java.util.regex.Pattern;

/**
 * What happened to an aggregate, the last part of an event's type ({@code
 * org.innoreg.<service>.<aggregate>.<action>}). A typed value rather than a string, so that a
 * service records only the actions its {@link EventContract} declares (the write pipeline refuses
 * others) and a misspelt one does not compile.
 *
 * @param name kebab-case, e.g. {@code stage-changed}
 */
public record EventAction(String name) {

    private static final Pattern KEBAB = Pattern.compile("[a-z]+(-[a-z]+)*");

    public static final EventAction CREATED = new EventAction("created");
    public static final EventAction UPDATED = new EventAction("updated");
    public static final EventAction DELETED = new EventAction("deleted");

    public EventAction {
        if (name == null || !KEBAB.matcher(name).matches()) {
            throw new IllegalArgumentException("an event action is kebab-case: " + name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
