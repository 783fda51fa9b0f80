package dev.portallogin.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape STYLE.md describes, checked: no package depends on itself through another, the domain and the ports
 * know nothing of AWS or HTTP, and only the composition root ({@code config}) knows the adapters.
 */
@AnalyzeClasses(packages = "dev.portallogin.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.portallogin.core.(**)").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule theDomainStandsAlone = noClasses().that().resideInAPackage("..core.domain..").should()
            .dependOnClassesThat().resideInAnyPackage("..core.port..", "..core.adapter..", "..core.config..",
                    "..core.http..", "software.amazon..", "com.amazonaws..");

    @ArchTest
    static final ArchRule portsSpeakTheDomainOnly = noClasses().that().resideInAPackage("..core.port..").should()
            .dependOnClassesThat().resideInAnyPackage("..core.adapter..", "..core.config..", "..core.http..",
                    "software.amazon..");

    @ArchTest
    static final ArchRule adaptersDoNotReachBackIntoConfigOrHttp = noClasses().that()
            .resideInAPackage("..core.adapter..").should().dependOnClassesThat()
            .resideInAnyPackage("..core.config..", "..core.http..");
}
