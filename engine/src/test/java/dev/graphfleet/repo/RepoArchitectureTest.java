package dev.graphfleet.repo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The repository logic stays plain Java: the AWS SDK only in the S3 adapter, no graph driver at all. */
class RepoArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.graphfleet.repo");

    @Test
    void onlyTheS3AdapterUsesTheAwsSdk() {
        noClasses().that().resideInAPackage("dev.graphfleet.repo")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "dev.graphfleet.repo.s3..")
                .check(CLASSES);
    }

    @Test
    void repositoriesNeverTouchTheGraphDriver() {
        noClasses().that().resideInAPackage("dev.graphfleet.repo..")
                .should().dependOnClassesThat().resideInAPackage("com.kuzudb..")
                .check(CLASSES);
    }
}
