package com.ticketledger.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module boundaries of docs/design.md, checked on the compiled classes. */
class ArchitectureTest {

    static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.ticketledger");

    @Test
    void sharedEventsDependOnNothingOfOursNorOfSpringNorAxon() {
        classes().that().resideInAPackage("com.ticketledger.events..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.ticketledger.events..", "java..")
                .check(LEDGER);
    }

    @Test
    void commandSideNeverImportsTheQuerySide() {
        noClasses().that().resideInAPackage("com.ticketledger.command..")
                .should().dependOnClassesThat().resideInAPackage("com.ticketledger.query..")
                .check(LEDGER);
    }

    @Test
    void theAggregateKnowsNothingOfHttpOrPersistence() {
        noClasses().that().resideInAPackage("com.ticketledger.command.ticket..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.jdbc..", "jakarta.servlet..", "com.ticketledger.command.api..",
                        "com.ticketledger.command.recording..")
                .check(LEDGER);
    }

    /** Each feature package may use another's, but never in a circle: each can be read, and changed, on its own. */
    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("com.ticketledger.command.(*)..").should().beFreeOfCycles().check(LEDGER);
    }

    @Test
    void controllersAreNotPublic() {
        classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().notBePublic()
                .check(LEDGER);
    }
}
