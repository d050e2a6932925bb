package dev.graphfleet.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The config is plain decisions: no AWS SDK, no graph driver, no CLI. Everyone else may depend on it. */
class ConfigArchitectureTest {

    @Test
    void configDependsOnNoSdkDriverOrCli() {
        noClasses().that().resideInAPackage("dev.graphfleet.config..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.kuzudb..",
                        "dev.graphfleet.cli..", "picocli..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.graphfleet.config"));
    }
}
