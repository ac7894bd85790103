package io.github.vforklint.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package arrows of design/TEAM.md ("Architecture"): they point one way, and third-party APIs stay where they belong. */
class ArchitectureTest {

    private static final String ROOT = "io.github.vforklint";
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    private static void check(ArchRule rule) {
        // Not allowed to be empty: a renamed package must fail the rule, not pass it unchecked.
        rule.check(classes);
    }

    @Test
    void theParallelHelperIsALeaf() {
        check(noClasses().that().resideInAPackage(pkg("parallel")).should().dependOnClassesThat()
                .resideOutsideOfPackages(pkg("parallel"), "java.."));
    }

    @Test
    void onlyTheCFrontEndImportsCdt() {
        check(noClasses().that().resideOutsideOfPackage(pkg("frontend.c"))
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.cdt.."));
    }

    @Test
    void onlyTheJvmFrontEndImportsJavaParser() {
        check(noClasses().that().resideOutsideOfPackage(pkg("frontend.java"))
                .should().dependOnClassesThat().resideInAPackage("com.github.javaparser.."));
    }

    @Test
    void theProgramModelKnowsNoFrontEndAndNoEngine() {
        check(noClasses().that().resideInAPackage(pkg("ir")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("frontend"), pkg("analysis"), pkg("rules"), pkg("scan"), pkg("knowledge"),
                        pkg("report"), pkg("api"), pkg("cli")));
    }

    @Test
    void theEngineDependsOnNeitherFrontEndsNorOrchestrationNorRules() {
        check(noClasses().that().resideInAPackage(pkg("analysis")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("frontend"), pkg("scan"), pkg("rules"), pkg("report"), pkg("api"), pkg("cli"),
                        pkg("suppress"), pkg("baseline"), pkg("config")));
    }

    @Test
    void knowledgeIsDataAboutFunctionsOnly() {
        check(noClasses().that().resideInAPackage(pkg("knowledge")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("analysis"), pkg("rules"), pkg("frontend"), pkg("scan"), pkg("report"),
                        pkg("api"), pkg("cli")));
    }

    @Test
    void rulesReadTheAnalysisResultAndNothingUpstream() {
        check(noClasses().that().resideInAPackage(pkg("rules")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("frontend"), pkg("scan"), pkg("report"), pkg("api"), pkg("cli"),
                        pkg("suppress"), pkg("baseline")));
    }

    @Test
    void theResultsPackageDependsOnNothingOfTheProject() {
        check(noClasses().that().resideInAPackage(pkg("finding")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("analysis"), pkg("rules"), pkg("frontend"), pkg("scan"), pkg("report"),
                        pkg("api"), pkg("cli"), pkg("ir"), pkg("knowledge"), pkg("source")));
    }

    @Test
    void reportsDoNotReachIntoTheEngine() {
        check(noClasses().that().resideInAPackage(pkg("report")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("analysis"), pkg("ir"), pkg("frontend"), pkg("cli")));
    }

    @Test
    void frontEndsDoNotDependOnOrchestrationOrOutput() {
        check(noClasses().that().resideInAPackage(pkg("frontend")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("scan"), pkg("rules"), pkg("report"), pkg("api"), pkg("cli"), pkg("suppress"),
                        pkg("baseline")));
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        check(noClasses().that().resideOutsideOfPackage(pkg("cli"))
                .should().dependOnClassesThat().resideInAPackage("picocli.."));
    }

    @Test
    void onlyTheBuildPluginAdaptersUseMavenAndGradle() {
        check(noClasses().that().resideOutsideOfPackages(pkg("maven"), pkg("gradle"))
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.gradle.."));
    }

    @Test
    void theLibraryFrontDoorDoesNotDependOnItsCallers() {
        check(noClasses().that().resideInAPackage(pkg("api")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("cli"), pkg("maven"), pkg("gradle")));
    }

    @Test
    void nothingBelowTheFrontDoorDependsOnIt() {
        check(noClasses().that().resideInAnyPackage(pkg("scan"), pkg("analysis"), pkg("rules"), pkg("frontend"),
                        pkg("report"), pkg("suppress"), pkg("baseline"), pkg("knowledge"), pkg("ir"), pkg("source"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("api"), pkg("cli")));
    }
}
