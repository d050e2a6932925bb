package dev.graphfleet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.graphfleet.testing.architecture.GraphfleetArchitecture;

/**
 * The product's rules (GraphfleetArchitecture: modules, third-party APIs in named packages, standard streams)
 * over the engine, and the engine's own: the pool is a library below the node.
 */
@AnalyzeClasses(packages = "dev.graphfleet", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchTests productRules = ArchTests.in(GraphfleetArchitecture.class);

    @ArchTest
    static final ArchRule thePoolDoesNotKnowTheServer = noClasses()
            .that().resideInAnyPackage("dev.graphfleet.pool..", "dev.graphfleet.graph..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.graphfleet.node..", "io.undertow..")
            .because("the pool is a library used by the node, the CLI and the console");
}
