package org.innoreg.indicators;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.innoreg.testsupport.ArchitectureRules;

/**
 * The suite's layering and no package cycles (test-support ArchitectureRules), on this module's
 * main classes.
 */
@ArchTag("fast")
@AnalyzeClasses(
        packages = "org.innoreg.indicators",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest static final ArchTests suiteRules = ArchTests.in(ArchitectureRules.class);

    /**
     * The derived-indicator rules are pure functions of an event: no database, no Kafka, no CDI
     * services.
     */
    @ArchTest
    static final ArchRule derivedRulesArePure =
            classes()
                    .that()
                    .resideInAPackage("..indicators.derived..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage(
                            "..indicators.derived..",
                            "..indicators.domain..",
                            "org.innoreg.chassis.events..",
                            "org.innoreg.chassis.validation..",
                            "java..",
                            "jakarta.inject..",
                            "com.fasterxml.jackson.databind..",
                            "org.jboss.logging..");
}
