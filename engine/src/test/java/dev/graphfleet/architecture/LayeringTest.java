package dev.graphfleet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The graph driver and the AWS SDK stay at the edges: decisions (pool policy, config validation,
 * volume sizing) are plain code that can be read and tested without either.
 */
@AnalyzeClasses(packages = "dev.graphfleet", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule onlyTheKuzuAdapterTouchesTheDriver = noClasses()
            .that().resideOutsideOfPackage("dev.graphfleet.graph.kuzu..")
            .should().dependOnClassesThat().resideInAPackage("com.kuzudb..")
            .because("a LadybugDB build must replace the engine by changing one package");

    @ArchTest
    static final ArchRule decisionsDoNotUseTheAwsSdk = noClasses()
            .that().resideInAnyPackage("dev.graphfleet.pool..", "dev.graphfleet.graph..", "dev.graphfleet.config..",
                    "dev.graphfleet.volume", "dev.graphfleet.repo", "dev.graphfleet.fleet",
                    "dev.graphfleet.fleet.nodes", "dev.graphfleet.fleet.discovery", "dev.graphfleet.fleet.snapshot",
                    "dev.graphfleet.fleet.refresh", "dev.graphfleet.fleet.registry")
            .should().dependOnClassesThat().resideInAPackage("software.amazon..")
            .allowEmptyShould(true)
            .because("decisions are pure code; SDK calls live in the .aws/.s3 adapter packages");

    @ArchTest
    static final ArchRule thePoolDoesNotKnowTheServer = noClasses()
            .that().resideInAnyPackage("dev.graphfleet.pool..", "dev.graphfleet.graph..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.graphfleet.node..", "dev.graphfleet.cli..",
                    "io.undertow..")
            .because("the pool is a library used by the node, the CLI and the console");
}
