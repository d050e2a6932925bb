package dev.graphfleet.volume;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The volume decisions and the monitor stay free of the AWS SDK; only {@code volume.aws} talks to AWS. */
class VolumeArchitectureTest {

    static final JavaClasses VOLUME = importVolumeClasses();

    /**
     * Only our classes, without following their dependencies into the jars: the rules look at names, and
     * resolving the AWS SDK's classes took half a minute.
     */
    static JavaClasses importVolumeClasses() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            Path classes = Path.of(VolumePlanner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ClassFileImporter().importPath(classes.resolve("dev/graphfleet/volume"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

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
