package dev.graphfleet.cli;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.graphfleet.testing.architecture.GraphfleetArchitecture;

/** The product's rules over the CLI and the engine it is built on. */
@AnalyzeClasses(packages = "dev.graphfleet", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchTests productRules = ArchTests.in(GraphfleetArchitecture.class);
}
