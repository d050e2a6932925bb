package dev.graphfleet.volume.lambda;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.graphfleet.testing.architecture.GraphfleetArchitecture;

/** The product's rules over the Lambda handler and the engine it is built on. */
@AnalyzeClasses(packages = "dev.graphfleet", importOptions = ImportOption.DoNotIncludeTests.class)
class LambdaArchitectureTest {

    @ArchTest
    static final ArchTests productRules = ArchTests.in(GraphfleetArchitecture.class);
}
