package com.ticketledger.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The query side reads the ledger; it never reaches into the command side. */
class ArchitectureTest {

    static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.ticketledger");

    @Test
    void querySideNeverImportsTheCommandSide() {
        noClasses().that().resideInAPackage("com.ticketledger.query..")
                .should().dependOnClassesThat().resideInAPackage("com.ticketledger.command..")
                .allowEmptyShould(true)
                .check(LEDGER);
    }

    /** Each feature package may use another's, but never in a circle: each can be read, and changed, on its own. */
    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("com.ticketledger.query.(*)..").should().beFreeOfCycles().check(LEDGER);
    }
}
