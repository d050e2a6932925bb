package dev.graphfleet.bench;

import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.report.JfrHotspots;
import dev.graphfleet.bench.report.LineChart;
import dev.graphfleet.bench.report.MarkdownReport;
import dev.graphfleet.bench.results.Curve;
import dev.graphfleet.bench.results.Hotspot;
import dev.graphfleet.bench.results.Results;
import dev.graphfleet.bench.results.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./graphfleet bench [--quick] [NAME...]}: runs each named benchmark (all by default) in its own
 * JVM, then writes docs/benchmarks/results.json, the charts, and docs/benchmarks.md from them.
 * Sections not run this time are kept from the previous results.json, marked with their own date.
 */
@Command(name = "graphfleet bench", mixinStandardHelpOptions = true,
        description = "Measure every DESIGN performance goal against its baseline; write docs/benchmarks.md.")
public final class BenchMain implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "Benchmarks to run (default: all): pool, pool-jmh, attach, "
            + "metrics, volume, console, memory, memory-hostile, deadlines, http, admission.")
    List<String> names = new ArrayList<>();

    @Option(names = "--quick", description = "Tiny sizes and few iterations: a smoke test of the pipeline.")
    boolean quick;

    @Option(names = "--jfr-always", description = "List JFR hotspots for every section, not only where a goal is missed.")
    boolean jfrAlways;

    @Option(names = "--root", paramLabel = "DIR", description = "The source tree (default: current directory).")
    Path root = Path.of(".");

    @Option(names = "--timeout-minutes", description = "Per benchmark (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes = 15;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Benchmark> selected = new ArrayList<>();
        for (String name : names.isEmpty() ? Benchmarks.names() : names) {
            selected.add(Benchmarks.named(name).orElseThrow(() -> new CommandLine.ParameterException(
                    new CommandLine(this), "unknown benchmark '" + name + "': pick from " + Benchmarks.names())));
        }
        Path docs = root.resolve("docs");
        Path chartsDir = Files.createDirectories(docs.resolve("benchmarks"));
        Path resultsFile = chartsDir.resolve("results.json");
        Path work = Files.createDirectories(root.resolve("bench/target/bench-work"));
        Results.Machine machine = MachineInfo.read();
        long start = System.nanoTime();

        Map<String, Section> sections = previous(resultsFile);
        boolean failed = false;
        for (Benchmark benchmark : selected) {
            Section section = runForked(benchmark, work);
            if (section == null) {
                failed = true;
                continue;
            }
            sections.put(benchmark.name(), section);
            writeAll(resultsFile, docs, chartsDir, machine, start, sections); // a later failure loses nothing
        }
        writeAll(resultsFile, docs, chartsDir, machine, start, sections);
        System.out.printf("bench: wrote %s and %s in %.0f s%n", resultsFile, docs.resolve("benchmarks.md"),
                (System.nanoTime() - start) / 1e9);
        return failed ? 1 : 0;
    }

    private Section runForked(Benchmark benchmark, Path work) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve(benchmark.name()));
        Path out = dir.resolve("section.json");
        Path jfr = dir.resolve(benchmark.name() + ".jfr");
        Files.deleteIfExists(out);
        Files.deleteIfExists(jfr);
        deleteTree(dir.resolve("data")); // what a failed earlier run left behind
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(benchmark.jvmOptions());
        command.add("-Xlog:jfr+startup=off");
        command.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr + ",dumponexit=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchChild.class.getName());
        command.addAll(List.of(benchmark.name(), out.toString(), dir.resolve("data").toString(),
                String.valueOf(quick)));
        System.out.printf("bench: %s ...%n", benchmark.name());
        long started = System.nanoTime();
        double loadBefore = MachineInfo.loadAverage();
        Process process = new ProcessBuilder(command).inheritIO().directory(dir.toFile()).start();
        try {
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                System.err.printf("bench: %s did not finish within %d minutes%n", benchmark.name(), timeoutMinutes);
                return null;
            }
        } finally {
            deleteTree(dir.resolve("data"));
        }
        double took = (System.nanoTime() - started) / 1e9;
        if (process.exitValue() != 0 || !Files.isRegularFile(out)) {
            System.err.printf("bench: %s failed (exit %d); output above%n", benchmark.name(), process.exitValue());
            return null;
        }
        Section section = Json.MAPPER.readValue(out.toFile(), Section.class);
        List<Hotspot> hotspots = jfrAlways || !section.allMet() ? JfrHotspots.of(jfr, benchmark.profiledThreads()) : List.of();
        System.out.printf("bench: %s done in %.0f s, goals %s%n", benchmark.name(), took,
                section.allMet() ? "met" : "MISSED");
        String load = String.format(java.util.Locale.ROOT, "%.1f → %.1f on %d cores", loadBefore,
                MachineInfo.loadAverage(), Runtime.getRuntime().availableProcessors());
        return section.withRun(hotspots, took, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), quick, load);
    }

    private Map<String, Section> previous(Path resultsFile) throws IOException {
        Map<String, Section> sections = new LinkedHashMap<>();
        for (String name : Benchmarks.names()) {
            sections.put(name, null); // keeps the DESIGN order whatever order they ran in
        }
        if (Files.isRegularFile(resultsFile)) {
            for (Section s : Json.MAPPER.readValue(resultsFile.toFile(), Results.class).sections()) {
                if (sections.containsKey(s.name())) {
                    sections.put(s.name(), s);
                }
            }
        }
        return sections;
    }

    private void writeAll(Path resultsFile, Path docs, Path chartsDir, Results.Machine machine, long start,
                          Map<String, Section> sections) throws IOException {
        List<Section> present = sections.values().stream().filter(s -> s != null).toList();
        String command = "./graphfleet bench" + (quick ? " --quick" : "")
                + (names.isEmpty() ? "" : " " + String.join(" ", names));
        Results results = new Results(machine, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), quick,
                command, (System.nanoTime() - start) / 1e9, present);
        Json.MAPPER.writeValue(resultsFile.toFile(), results);
        for (Section s : present) {
            for (Curve curve : s.curves()) {
                LineChart.write(curve, chartsDir.resolve(curve.id() + ".png"));
            }
        }
        Files.writeString(docs.resolve("benchmarks.md"), MarkdownReport.render(results));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
