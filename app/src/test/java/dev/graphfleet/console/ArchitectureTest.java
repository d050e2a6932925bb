package dev.graphfleet.console;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.graphfleet.testing.architecture.GraphfleetArchitecture;

/**
 * The product's rules, the console's layers among them (views show view-models and nothing else; view-models
 * are properties and lists without any JavaFX node; only services talk to sources). This test sees every
 * module but the Lambda on its classpath, so it also checks the module graph of the whole console build.
 */
@AnalyzeClasses(packages = "dev.graphfleet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests productRules = ArchTests.in(GraphfleetArchitecture.class);
}
