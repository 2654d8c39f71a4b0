package org.innoreg.gateway.asyncapi;

import java.util.List;

/**
 * The suite's event contracts, as the services publish them through their outboxes: one topic per
 * aggregate, the actions it has, and the OpenAPI schema of its {@code data} (the aggregate as its
 * service's API shows it, with dated steps where a reader needs them). Every event's {@code
 * sequence} is the aggregate's version after the change; a delete has the next version and carries
 * the last state. The AsyncAPI document is built from this table.
 */
final class EventContracts {

    /**
     * Dated steps an event's data carries besides the aggregate's API view, so that a reader can
     * tell its state on any date without calling back.
     */
    record Steps(String field, String schema, String description) {}

    /**
     * @param steps null when the data is the API view alone
     */
    record Contract(
            String service,
            String aggregate,
            String schema,
            List<String> actions,
            String description,
            Steps steps) {

        Contract(
                String service,
                String aggregate,
                String schema,
                List<String> actions,
                String description) {
            this(service, aggregate, schema, actions, description, null);
        }

        String topic() {
            return service + "." + aggregate + ".v1";
        }

        String type(String action) {
            return "org.innoreg." + service + "." + aggregate + "." + action;
        }
    }

    static final List<Contract> ALL =
            List.of(
                    new Contract(
                            "registry",
                            "region",
                            "Region",
                            List.of("created"),
                            "GB/T 2260 regions and special areas added to the registry."),
                    new Contract(
                            "registry",
                            "organization",
                            "Organization",
                            List.of("created", "updated", "deleted"),
                            "Host enterprises, universities, institutes and hospitals."),
                    new Contract(
                            "registry",
                            "platform",
                            "Platform",
                            List.of("created", "updated", "deleted"),
                            "Accredited innovation platforms; level and status changes are updates.",
                            new Steps(
                                    "history",
                                    "PlatformHistoryEntry",
                                    "The platform's dated history, oldest first: each step's classification holds from its date on")),
                    new Contract(
                            "projects",
                            "project",
                            "Project",
                            List.of(
                                    "created",
                                    "updated",
                                    "stage-changed",
                                    "investment-reported",
                                    "reviewed",
                                    "milestone-changed",
                                    "obstacle-changed",
                                    "deleted"),
                            "Industrial investment projects of the pipeline; every stage transition is a stage-changed event.",
                            new Steps(
                                    "transitions",
                                    "ProjectTransition",
                                    "The project's stage transitions, oldest first: the date it reached each stage")),
                    new Contract(
                            "indicators",
                            "indicator",
                            "Indicator",
                            List.of("created"),
                            "Indicator definitions."),
                    new Contract(
                            "indicators",
                            "observation",
                            "Observation",
                            List.of("recorded", "revised"),
                            "Reported values, keyed <indicator>/<region>/<period>; a revision replaces the cell's value."),
                    new Contract(
                            "indicators", "target", "Target", List.of("created"), "Plan targets."));

    private EventContracts() {}
}
