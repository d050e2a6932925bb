package dev.graphfleet.bench.console;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.harness.ChildJava;
import dev.graphfleet.bench.harness.Stats;
import dev.graphfleet.bench.results.Curve;
import dev.graphfleet.bench.results.Format;
import dev.graphfleet.bench.results.Goal;
import dev.graphfleet.bench.results.Section;
import dev.graphfleet.bench.results.Table;
import dev.graphfleet.cli.GraphfleetCli;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.view.ConsoleView;
import dev.graphfleet.console.viewmodel.ConsoleSection;
import dev.graphfleet.console.viewmodel.ConsoleViewModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * DESIGN goal 5 and issue 15: UI-thread work per refresh under 10 ms at 500 and 2,000 instances and
 * under 16 ms (one frame) at 10,000, in every view; first frame within 3 s of launch. Per refresh:
 * the view-models' diff ({@code apply}) plus the CSS and layout pulse it causes, on every view, at
 * 50, 500, 2,000 and 10,000 instances (headless JavaFX: Monocle, software renderer). The first frame is the
 * real console's own log line ("first frame N ms after the JVM started") from separate launches.
 * {@value #SIZES_ENV} (e.g. {@code 2000}) measures only the sizes named, for a narrower run.
 */
public final class ConsoleBench implements Benchmark {

    private static final double REFRESH_GOAL_MS = 10;
    private static final double FRAME_GOAL_MS = 16;
    static final String SIZES_ENV = "GRAPHFLEET_BENCH_CONSOLE_SIZES";
    private static final double FIRST_FRAME_GOAL_MS = 3000;
    private static final Pattern FIRST_FRAME = Pattern.compile("first frame (\\d+) ms after the JVM started");
    static final List<String> HEADLESS_FX = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Djava.awt.headless=true", "-Dheadless.geometry=1600x1000-32");

    @Override
    public String name() {
        return "console";
    }

    @Override
    public java.util.Set<String> profiledThreads() {
        return java.util.Set.of("JavaFX Application Thread", "Event Thread"); // Monocle runs the FX thread as "Event Thread"
    }

    @Override
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>(HEADLESS_FX);
        options.add("-Xmx2g"); // 10,000 instances: two snapshots in flight and the views' histories
        return options;
    }

    @Override
    public Section run(BenchConfig config) throws Exception {
        int[] sizes = sizes(config);
        int warmup = config.pick(10, 40);
        int measured = config.pick(20, 100);
        int launches = config.pick(2, 3);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Stage stage = onFx(Stage::new);
        ConsoleViewModel model = new ConsoleViewModel("aws(prod, us-east-1)", ZoneOffset.UTC);
        Scene scene = onFx(() -> {
            Scene s = new Scene(new ConsoleView(model), 1360, 760);
            stage.setScene(s);
            stage.show();
            return s;
        });

        Table.Builder table = Table.builder("FX-thread ms per refresh (apply + CSS + layout): median of " + measured
                        + " refreshes after " + warmup + " warm-up, with the 95th percentile",
                "instances", "view", "apply p50", "apply+layout p50", "p95", "max",
                "prepare p50 (poller's thread)");
        Map<ConsoleSection, Curve.SeriesBuilder> curveByView = new LinkedHashMap<>();
        Map<Integer, Double> worstBySize = new LinkedHashMap<>();
        Map<Integer, String> worstViewBySize = new LinkedHashMap<>();
        for (int size : sizes) {
            ScaledFleet fleet = new ScaledFleet(size);
            int n = 0;
            for (ConsoleSection section : ConsoleSection.values()) {
                onFx(() -> {
                    model.sectionProperty().set(section);
                    return null;
                });
                double[] apply = new double[measured];
                double[] prepare = new double[measured];
                double[] total = new double[measured];
                for (int i = 0; i < warmup + measured; i++) {
                    // built and prepared for the views off the FX thread, as the poller's thread does
                    ConsoleState state = fleet.refresh(n++);
                    long preparing = System.nanoTime();
                    ConsoleViewModel.Refresh refresh = model.prepare(state);
                    double prepared = (System.nanoTime() - preparing) / 1e6;
                    double[] t = oneRefresh(scene, model, refresh);
                    if (i >= warmup) {
                        apply[i - warmup] = t[0];
                        prepare[i - warmup] = prepared;
                        total[i - warmup] = t[1];
                    }
                }
                Arrays.sort(apply);
                Arrays.sort(prepare);
                Arrays.sort(total);
                Stats s = Stats.of(total);
                table.row(String.format("%,d", size), section.title(), Format.number(Stats.percentile(apply, 0.5)),
                        Format.number(s.median()), Format.number(Stats.percentile(total, 0.95)), Format.number(s.max()),
                        Format.number(Stats.percentile(prepare, 0.5)));
                curveByView.computeIfAbsent(section, k -> new Curve.SeriesBuilder(k.title()))
                        .add(new Curve.Point(size, s.median(), Stats.percentile(total, 0.25), Stats.percentile(total, 0.95)));
                if (s.median() > worstBySize.getOrDefault(size, -1.0)) {
                    worstBySize.put(size, s.median());
                    worstViewBySize.put(size, section.title());
                }
            }
        }
        onFx(() -> {
            stage.hide();
            return null;
        });

        double[] firstFrames = new double[launches];
        for (int i = 0; i < launches; i++) {
            firstFrames[i] = firstFrameOfTheRealConsole(config.workDir().resolve("launch-" + i));
        }
        Stats firstFrame = Stats.of(firstFrames);

        List<Goal> goals = new ArrayList<>();
        double smallest = worstBySize.get(sizes[0]);
        for (int size : sizes) {
            if (size < 500) {
                continue;
            }
            double goal = size > 2000 ? FRAME_GOAL_MS : REFRESH_GOAL_MS;
            double at = worstBySize.get(size);
            goals.add(Goal.atMost(String.format("%,d instances: UI-thread work per refresh < %s ms in every view (worst "
                            + "view, median)", size, Format.number(goal)),
                    Format.number(at) + " ms (" + worstViewBySize.get(size) + "); " + String.format("%,d", sizes[0])
                            + " instances " + Format.number(smallest) + " ms",
                    at, goal, "ms", String.format("the %,d-instance fleet", sizes[0]), at / smallest));
        }
        double at500 = worstBySize.getOrDefault(500, worstBySize.get(sizes[sizes.length - 1]));
        double at50 = smallest;
        goals.add(Goal.atMost("first frame within 3 s of launch", "first frame " + Format.stats(firstFrame)
                        + " ms after JVM start (" + launches + " launches)", firstFrame.median(), FIRST_FRAME_GOAL_MS, "ms",
                "the 3 s budget", firstFrame.median() / FIRST_FRAME_GOAL_MS));
        Curve.SeriesBuilder goalLine = new Curve.SeriesBuilder("goal (10 ms to 2,000 instances, 16 ms beyond)");
        goalLine.add(Curve.Point.exact(sizes[0], REFRESH_GOAL_MS));
        if (sizes[sizes.length - 1] > 2000) {
            goalLine.add(Curve.Point.exact(2000, REFRESH_GOAL_MS)).add(Curve.Point.exact(2000, FRAME_GOAL_MS))
                    .add(Curve.Point.exact(sizes[sizes.length - 1], FRAME_GOAL_MS));
        } else {
            goalLine.add(Curve.Point.exact(sizes[sizes.length - 1], REFRESH_GOAL_MS));
        }
        List<Curve.Series> series = new ArrayList<>(curveByView.values().stream().map(Curve.SeriesBuilder::build).toList());
        series.add(goalLine.build());
        Curve curve = new Curve("console-refresh", "Console FX-thread ms per refresh vs instances (bars: p25–p95)",
                "instances", "ms per refresh", true, true, series);

        List<String> notes = new ArrayList<>();
        if (at50 >= 0.5 * at500) {
            notes.add("The 50-instance fleet costs " + Format.number(at50) + " ms against " + Format.number(at500)
                    + " ms at 500: most of a refresh's UI-thread time does not grow with the fleet (a fixed cost per "
                    + "refresh in the view — CSS and layout of its charts and tables — not per instance).");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("JavaFX", "headless Monocle, software renderer, window 1360×760");
        settings.put("refreshes", warmup + " warm-up + " + measured + " measured per view and size");
        settings.put("first frame", launches + " launches of `graphfleet console --no-start-local` on an empty local "
                + "data directory, the console's own log line");
        return new Section(name(), "Console: UI-thread work per refresh, time to first frame",
                "Fleet snapshots as the poller delivers them, prepared for the views off the FX thread as the poller's "
                        + "thread does (ConsoleViewModel.prepare), applied to the view-models on the FX thread, then the "
                        + "pulse they cause (CSS and layout) — each view in turn, at each fleet size.",
                settings, List.of(table.build()), goals, List.of(curve), notes, null, 0, "", config.quick());
    }

    /** 50, 500, 2,000 and 10,000 instances (quick: 50 and 500), or the sizes {@value #SIZES_ENV} names. */
    private static int[] sizes(BenchConfig config) {
        String named = System.getenv(SIZES_ENV);
        if (named != null && !named.isBlank()) {
            try {
                return Arrays.stream(named.split(",")).map(String::trim).mapToInt(Integer::parseInt).sorted().toArray();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SIZES_ENV + " must list instance counts such as 2000,10000; got "
                        + named, e);
            }
        }
        return config.quick() ? new int[] {50, 500} : new int[] {50, 500, 2000, 10000};
    }

    /** Launches the real console headless and reads its "first frame" log line; then stops it. */
    private static double firstFrameOfTheRealConsole(Path dir) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve("local-data"));
        List<String> jvm = new ArrayList<>(HEADLESS_FX);
        jvm.add("-Xmx512m");
        ProcessBuilder builder = ChildJava.of(jvm, GraphfleetCli.class, "console", "--no-start-local", "--local-data",
                data.toString()).redirectErrorStream(true);
        builder.environment().put("GRAPHFLEET_LOG_LEVEL", "INFO");
        Process console = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Double> found = CompletableFuture.supplyAsync(() -> {
            List<String> seen = new ArrayList<>();
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = FIRST_FRAME.matcher(line);
                    if (m.find()) {
                        return Double.parseDouble(m.group(1));
                    }
                    seen.add(line);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the console ended without a first frame:\n" + String.join("\n", seen));
        });
        try {
            return found.get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no first frame from the console", e);
        } finally {
            console.destroy(); // first, so the reader sees the end of the output instead of blocking
            if (!console.waitFor(30, TimeUnit.SECONDS)) {
                console.destroyForcibly();
            }
        }
    }

    /** Applies one prepared refresh on the FX thread and waits for the pulse it causes: {apply ms, apply + css + layout ms}. */
    private static double[] oneRefresh(Scene scene, ConsoleViewModel model, ConsoleViewModel.Refresh refresh)
            throws Exception {
        CountDownLatch laidOut = new CountDownLatch(1);
        AtomicLong applyNanos = new AtomicLong();
        AtomicLong layoutNanos = new AtomicLong();
        AtomicLong pulseStart = new AtomicLong();
        Runnable pre = () -> pulseStart.set(System.nanoTime());
        Runnable post = () -> {
            layoutNanos.set(System.nanoTime() - pulseStart.get());
            laidOut.countDown();
        };
        Platform.runLater(() -> {
            scene.addPreLayoutPulseListener(pre);
            scene.addPostLayoutPulseListener(post);
            long t0 = System.nanoTime();
            model.apply(refresh);
            applyNanos.set(System.nanoTime() - t0);
            Platform.requestNextPulse();
        });
        if (!laidOut.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no pulse within 30 s of a refresh");
        }
        onFx(() -> {
            scene.removePreLayoutPulseListener(pre);
            scene.removePostLayoutPulseListener(post);
            return null;
        });
        return new double[] {applyNanos.get() / 1e6, (applyNanos.get() + layoutNanos.get()) / 1e6};
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
