package org.innoreg.gateway.asyncapi;

import java.util.List;

/**
 * The suite's event contracts, as the services publish them through their outboxes: one topic per
 * aggregate, the actions it has, and the OpenAPI schema of its {@code data} (the aggregate as its
 * service's API shows it). The AsyncAPI document is built from this table.
 */
final class EventContracts {

    record Contract(String service, String aggregate, String schema, List<String> actions, String description) {

        String topic() {
            return service + "." + aggregate + ".v1";
        }

        String type(String action) {
            return "org.innoreg." + service + "." + aggregate + "." + action;
        }
    }

    static final List<Contract> ALL = List.of(
            new Contract("registry", "region", "Region", List.of("created"),
                    "GB/T 2260 regions and special areas added to the registry."),
            new Contract("registry", "organization", "Organization", List.of("created", "updated", "deleted"),
                    "Host enterprises, universities, institutes and hospitals."),
            new Contract("registry", "platform", "Platform", List.of("created", "updated", "deleted"),
                    "Accredited innovation platforms; level and status changes are updates."),
            new Contract("projects", "project", "Project", List.of("created", "updated", "stage-changed", "investment-reported", "reviewed",
                    "milestone-changed", "obstacle-changed"),
                    "Industrial investment projects of the pipeline; every stage transition is a stage-changed event."),
            new Contract("indicators", "indicator", "Indicator", List.of("created"),
                    "Indicator definitions."),
            new Contract("indicators", "observation", "Observation", List.of("recorded", "revised"),
                    "Reported values, keyed <indicator>/<region>/<period>; a revision replaces the cell's value."),
            new Contract("indicators", "target", "Target", List.of("created"), "Plan targets."));

    private EventContracts() {
    }
}
