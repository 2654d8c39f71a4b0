package org.innoreg.testsupport;

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
 *    └────────────┴──► mapping ┴────────────┘      events / consuming / derived: beside service
 * </pre>
 *
 * Packages are named by their layer under the module's root ({@code org.innoreg.registry.resource},
 * …); a module without a layer (the gateway has no domain) passes that layer's rule vacuously.
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
                            "..events..",
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
                            "..events..",
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
                    .resideInAnyPackage("..resource..", "..service..", "..consuming..")
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
}
