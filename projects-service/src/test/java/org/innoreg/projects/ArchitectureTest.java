package org.innoreg.projects;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTag;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.innoreg.testsupport.ArchitectureRules;

/**
 * The suite's layering and no package cycles (test-support ArchitectureRules), on this module's
 * main classes.
 */
@ArchTag("fast")
@AnalyzeClasses(
        packages = "org.innoreg.projects",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest static final ArchTests suiteRules = ArchTests.in(ArchitectureRules.class);
}
