package dev.graphfleet.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The console's layers: views show view-models and nothing else; view-models are properties and
 * lists without any JavaFX node; only services (and the composition root) talk to sources.
 */
@AnalyzeClasses(packages = "dev.graphfleet.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule viewsNeverCallServicesOrTheEngine = noClasses()
            .that().resideInAPackage("..console.view..")
            .should().dependOnClassesThat().resideInAnyPackage("..console.service..", "dev.graphfleet.fleet..",
                    "dev.graphfleet.config..", "dev.graphfleet.node..", "dev.graphfleet.pool..",
                    "dev.graphfleet.shared..", "dev.graphfleet.cli..", "java.net.http..")
            .because("a view shows its view-model; reading the fleet happens off the FX thread in services");

    @ArchTest
    static final ArchRule viewModelsHaveNoNodes = noClasses()
            .that().resideInAPackage("..console.viewmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "org.controlsfx..", "..console.view..")
            .because("view-models are testable without a scene: properties and observable lists only");

    @ArchTest
    static final ArchRule viewModelsDoNoIo = noClasses()
            .that().resideInAPackage("..console.viewmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.nio.file..",
                    "java.nio.channels..", "dev.graphfleet.fleet.nodes..", "dev.graphfleet.fleet.aws..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.graphfleet.console.service.FleetPoller")
            .because("the FX thread only applies snapshots; all I/O runs on the refresh thread");

    @ArchTest
    static final ArchRule servicesHaveNoUi = noClasses()
            .that().resideInAPackage("..console.service..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.beans..",
                    "javafx.collections..", "org.controlsfx..", "..console.view..", "..console.viewmodel..")
            .because("services produce immutable snapshots; they know nothing of the screen");
}
