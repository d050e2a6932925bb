package dev.graphfleet.volume;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The volume decisions and the monitor stay free of the AWS SDK; only {@code volume.aws} talks to AWS. */
class VolumeArchitectureTest {

    static final JavaClasses VOLUME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.graphfleet.volume");

    @Test
    void decisionsArePlainJava() {
        noClasses().that().resideInAPackage("dev.graphfleet.volume")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.graphfleet.volume")
                .because("sizing, thresholds and forecasts are pure decisions, tested without any service")
                .check(VOLUME);
    }

    @Test
    void onlyTheAwsAdapterPackageUsesTheSdk() {
        noClasses().that().resideOutsideOfPackage("dev.graphfleet.volume.aws..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                .check(VOLUME);
    }
}
