package org.innoreg.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps, as rules that run in each module's unit tests (its {@code
 * ArchitectureTest}):
 *
 * <pre>
 * resource ──► service ──► repository ──► domain
 *    │            │            │            ▲
 *    └────────────┴──► mapping ┴────────────┘      publishing / consuming / derived: beside service
 * </pre>
 *
 * What a service publishes (its aggregates' event contracts, {@code publishing}) and what it reads
 * of other services' events ({@code consuming}) are separate packages that do not know each other.
 *
 * <p>Packages are named by their layer under the module's root ({@code
 * org.innoreg.registry.resource}, …); a module without a layer (the gateway has no domain) passes
 * that layer's rule vacuously.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /** No two packages of a module depend on each other, directly or round about. */
    @ArchTest
    public static final ArchRule noCycles =
            slices().matching("org.innoreg.(*).(*)..")
                    .namingSlices("$1.$2")
                    .should()
                    .beFreeOfCycles();

    /**
     * The domain is the bottom: entities and rules that know nothing of HTTP, views, events or
     * storage.
     */
    @ArchTest
    public static final ArchRule domainDependsOnNoOtherLayer =
            noClasses()
                    .that()
                    .resideInAPackage("..domain..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "..resource..",
                            "..service..",
                            "..repository..",
                            "..mapping..",
                            "..publishing..",
                            "..consuming..")
                    .allowEmptyShould(true);

    /** Views and inputs are shapes of the domain, nothing more. */
    @ArchTest
    public static final ArchRule mappingKnowsOnlyTheDomain =
            noClasses()
                    .that()
                    .resideInAPackage("..mapping..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "..resource..",
                            "..service..",
                            "..repository..",
                            "..publishing..",
                            "..consuming..")
                    .allowEmptyShould(true);

    /** Storage is below the services: a repository never calls up. */
    @ArchTest
    public static final ArchRule repositoriesDoNotCallUp =
            noClasses()
                    .that()
                    .resideInAPackage("..repository..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "..resource..", "..service..", "..publishing..", "..consuming..")
                    .allowEmptyShould(true);

    /**
     * Below the resources nothing knows HTTP: services, repositories, the domain, the mappings and
     * the event handlers refuse with a {@code ProblemException} of a kind, and the chassis' {@code
     * ProblemMappers} gives each kind its status in one place (decisions/0003).
     */
    @ArchTest
    public static final ArchRule onlyResourcesKnowHttp =
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            "..service..",
                            "..repository..",
                            "..domain..",
                            "..mapping..",
                            "..publishing..",
                            "..consuming..",
                            "..derived..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx.core.http..")
                    .allowEmptyShould(true);

    /** Resources are the top: nothing calls them. */
    @ArchTest
    public static final ArchRule nothingDependsOnResources =
            noClasses()
                    .that()
                    .resideOutsideOfPackage("..resource..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("..resource..");

    /**
     * Resources parse, call a service and shape the answer; reads go through the services too
     * (query services), so no resource of any service uses a repository.
     */
    @ArchTest
    public static final ArchRule resourcesDoNotUseRepositories =
            noClasses()
                    .that()
                    .resideInAPackage("..resource..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("..repository..")
                    .allowEmptyShould(true);

    /**
     * A handler of other services' events reads them in its own terms and changes this service
     * through its services (whose write pipeline records this service's events), never through the
     * contracts this service publishes: what it consumes and what it publishes evolve apart.
     */
    @ArchTest
    public static final ArchRule consumingDoesNotUsePublishing =
            noClasses()
                    .that()
                    .resideInAPackage("..consuming..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("..publishing..")
                    .allowEmptyShould(true);

    /** The published contracts are declarations: they know nothing of what the service consumes. */
    @ArchTest
    public static final ArchRule publishingDoesNotUseConsuming =
            noClasses()
                    .that()
                    .resideInAPackage("..publishing..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("..consuming..")
                    .allowEmptyShould(true);

    /**
     * A service's event contracts (each aggregate's {@code AggregateType} and the list of them its
     * OpenAPI document states, {@code PublishedEvents}) live in its {@code publishing} package.
     */
    @ArchTest
    public static final ArchRule contractsAreInPublishing =
            classes()
                    .that()
                    .areAssignableTo("org.innoreg.chassis.write.AggregateType")
                    .or()
                    .areAssignableTo("org.innoreg.chassis.events.PublishedEvents")
                    .and()
                    .resideOutsideOfPackage("org.innoreg.chassis..")
                    .should()
                    .resideInAPackage("..publishing..")
                    .allowEmptyShould(true);

    /**
     * A domain service's handlers of other services' events live in its {@code consuming} package
     * (the gateway's handlers are its read models, in {@code feed} and {@code search}).
     */
    @ArchTest
    public static final ArchRule handlersAreInConsuming =
            classes()
                    .that()
                    .implement("org.innoreg.chassis.events.EventHandler")
                    .and()
                    .resideInAnyPackage(
                            "org.innoreg.registry..",
                            "org.innoreg.projects..",
                            "org.innoreg.indicators..")
                    .should()
                    .resideInAPackage("..consuming..")
                    .allowEmptyShould(true);
}
