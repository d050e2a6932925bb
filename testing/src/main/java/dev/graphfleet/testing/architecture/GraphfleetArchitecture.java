package dev.graphfleet.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules every module holds (docs/architecture.md), shared the way JabRef shares its CommonArchitectureTest:
 * each module's architecture test includes them with {@code ArchTests.in(GraphfleetArchitecture.class)} and
 * analyses {@code dev.graphfleet} on its own classpath, so the console's test, which sees every module, checks
 * the whole product. Third-party APIs are allowed in named packages only (a new package that needs one is a
 * decision to write down here), and this module's own classes are left out of every rule.
 */
public final class GraphfleetArchitecture {

    /** The engine library's packages (the lambda module adds dev.graphfleet.volume.lambda). */
    public static final String[] ENGINE = {"dev.graphfleet.config..", "dev.graphfleet.fleet..", "dev.graphfleet.graph..",
        "dev.graphfleet.local..", "dev.graphfleet.node..", "dev.graphfleet.pool..", "dev.graphfleet.repo..",
        "dev.graphfleet.shared..", "dev.graphfleet.time..", "dev.graphfleet.volume.."};
    private static final String CLI = "dev.graphfleet.cli..";
    private static final String CONSOLE = "dev.graphfleet.console..";
    /** The console's entry: its launcher and command-line options, beside the CLI it is started from. */
    private static final String CONSOLE_ENTRY = "dev.graphfleet.console";
    private static final String LAMBDA = "dev.graphfleet.volume.lambda..";
    private static final String TESTING = "dev.graphfleet.testing..";

    private GraphfleetArchitecture() {
    }

    // --- modules -------------------------------------------------------------------------------------------

    @ArchTest
    public static final ArchRule theEngineKnowsNoCliConsoleOrLambda = noClasses()
            .that().resideInAnyPackage(ENGINE).and().resideOutsideOfPackage(LAMBDA)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, CONSOLE, LAMBDA)
            .because("the engine is the library the CLI, the console and the Lambda are built on (module graph)");

    @ArchTest
    public static final ArchRule theCliKnowsNoConsoleOrLambda = noClasses()
            .that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAnyPackage(CONSOLE, LAMBDA)
            .allowEmptyShould(true)
            .because("the server jar has no JavaFX: `graphfleet console` finds the console through ConsoleLauncher");

    @ArchTest
    public static final ArchRule theVolumeMonitorNeverReachesTheGraphEngine = noClasses()
            .that().resideInAnyPackage("dev.graphfleet.volume..", "dev.graphfleet.fleet.aws..",
                    "dev.graphfleet.fleet.discovery..", "dev.graphfleet.config..", "dev.graphfleet.time..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.graphfleet.graph.kuzu..", "dev.graphfleet.pool..",
                    "dev.graphfleet.node..", "dev.graphfleet.shared..", "com.kuzudb..")
            .because("the Lambda jar leaves the graph engine out: the code the monitor runs never opens a database");

    // --- third-party APIs, each in the packages named ---------------------------------------------------------

    @ArchTest
    public static final ArchRule theGraphEngineOnlyInItsAdapter = noClasses()
            .that().resideOutsideOfPackages("dev.graphfleet.graph.kuzu..", TESTING)
            .should().dependOnClassesThat().resideInAPackage("com.kuzudb..")
            .because("a LadybugDB build must replace the engine by changing one package");

    @ArchTest
    public static final ArchRule theAwsSdkOnlyInTheAwsAdapters = noClasses()
            .that().resideOutsideOfPackages("dev.graphfleet.fleet.aws..", "dev.graphfleet.repo.s3..",
                    "dev.graphfleet.volume.aws..", LAMBDA, TESTING)
            .should().dependOnClassesThat().resideInAPackage("software.amazon..")
            .because("decisions are pure code that can be read and tested without AWS; SDK calls live in adapters");

    @ArchTest
    public static final ArchRule theLambdaRuntimeOnlyInTheHandler = noClasses()
            .that().resideOutsideOfPackages(LAMBDA, TESTING)
            .should().dependOnClassesThat().resideInAPackage("com.amazonaws.services.lambda..")
            .because("only the Lambda artifact carries the Lambda runtime");

    @ArchTest
    public static final ArchRule httpServingOnlyInTheNodeAndTheLocalControl = noClasses()
            .that().resideOutsideOfPackages("dev.graphfleet.node..", "dev.graphfleet.local..", TESTING)
            .should().dependOnClassesThat().resideInAPackage("io.undertow..")
            .because("the node's API and the local fleet's control endpoint are the only servers");

    @ArchTest
    public static final ArchRule commandLinesOnlyInTheCliAndTheConsoleEntry = noClasses()
            .that().resideOutsideOfPackages(CLI, CONSOLE_ENTRY, TESTING)
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("parsing a command line is the CLI's job (and the console's launcher's)");

    @ArchTest
    public static final ArchRule javaFxOnlyInTheConsole = noClasses()
            .that().resideOutsideOfPackages(CONSOLE, TESTING)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("the engine and the server jar run headless");

    @ArchTest
    public static final ArchRule standardStreamsOnlyInTheCliAndTheConsoleEntry = noClasses()
            .that().resideOutsideOfPackages(CLI, CONSOLE_ENTRY, TESTING)
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("the library logs through SLF4J; only a command line talks to a terminal");

    // --- the console's layers (MVVM) ---------------------------------------------------------------------------

    @ArchTest
    public static final ArchRule viewsNeverCallServicesOrTheEngine = noClasses()
            .that().resideInAPackage("..console.view..")
            .should().dependOnClassesThat().resideInAnyPackage("..console.service..", "dev.graphfleet.fleet..",
                    "dev.graphfleet.config..", "dev.graphfleet.node..", "dev.graphfleet.pool..",
                    "dev.graphfleet.shared..", CLI, "java.net.http..")
            .allowEmptyShould(true)
            .because("a view shows its view-model; reading the fleet happens off the FX thread in services");

    @ArchTest
    public static final ArchRule viewModelsHaveNoNodes = noClasses()
            .that().resideInAPackage("..console.viewmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "org.controlsfx..", "..console.view..")
            .allowEmptyShould(true)
            .because("view-models are testable without a scene: properties and observable lists only");

    @ArchTest
    public static final ArchRule viewModelsDoNoIo = noClasses()
            .that().resideInAPackage("..console.viewmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.nio.file..",
                    "java.nio.channels..", "dev.graphfleet.fleet.nodes..", "dev.graphfleet.fleet.aws..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.graphfleet.console.service.FleetPoller")
            .allowEmptyShould(true)
            .because("the FX thread only applies snapshots; all I/O runs on the refresh thread");

    @ArchTest
    public static final ArchRule servicesHaveNoUi = noClasses()
            .that().resideInAPackage("..console.service..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.beans..",
                    "javafx.collections..", "org.controlsfx..", "..console.view..", "..console.viewmodel..")
            .allowEmptyShould(true)
            .because("services produce immutable snapshots; they know nothing of the screen");
}
