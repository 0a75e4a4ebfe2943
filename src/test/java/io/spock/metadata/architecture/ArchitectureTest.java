package io.spock.metadata.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the README's "Layout", checked on the compiled production classes: packages by capability
 * with no cycles between them, commands only in {@code shell}, and the lower packages never reaching up into the
 * shell or the pipeline.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.spock.metadata");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("io.spock.metadata.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheShellAndTheEntryPointKnowTheShell() {
        noClasses().that().resideOutsideOfPackages("io.spock.metadata.shell..", "io.spock.metadata.app..")
                .should().dependOnClassesThat().resideInAPackage("io.spock.metadata.shell..")
                .check(classes);
    }

    @Test
    void sourcesOfDataDoNotReachIntoThePipelineOrTheShell() {
        noClasses().that().resideInAnyPackage("io.spock.metadata.market..", "io.spock.metadata.classify..",
                        "io.spock.metadata.yahoo..", "io.spock.metadata.kis..", "io.spock.metadata.http..",
                        "io.spock.metadata.bulk..", "io.spock.metadata.jpx..", "io.spock.metadata.nasdaq..",
                        "io.spock.metadata.sec..",
                        "io.spock.metadata.store..", "io.spock.metadata.render..")
                .should().dependOnClassesThat().resideInAnyPackage("io.spock.metadata.enrich..",
                        "io.spock.metadata.shell..", "io.spock.metadata.universe..", "io.spock.metadata.curate..",
                        "io.spock.metadata.report..", "io.spock.metadata.metrics..")
                .check(classes);
    }

    @Test
    void commandsAndRenderingWriteNoQueries() {
        noClasses().that().resideInAnyPackage("io.spock.metadata.shell..", "io.spock.metadata.render..",
                        "io.spock.metadata.report..", "io.spock.metadata.metrics..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.jooq.DSLContext")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.spock.metadata.store.generated.Tables")
                .check(classes);
    }
}
