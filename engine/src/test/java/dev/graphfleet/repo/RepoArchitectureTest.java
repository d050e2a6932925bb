package dev.graphfleet.repo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The repository logic does not know its S3 adapter (architecture/LayeringTest keeps the SDK and the
 * graph driver out of it).
 */
class RepoArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.graphfleet.repo");

    @Test
    void theRepositoryLogicDoesNotReachIntoItsS3Adapter() {
        noClasses().that().resideInAPackage("dev.graphfleet.repo")
                .should().dependOnClassesThat().resideInAnyPackage("dev.graphfleet.repo.s3..")
                .check(CLASSES);
    }
}
