package dev.graphfleet.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a Linux desktop must have before JavaFX opens a window, checked first so that a missing piece is
 * one line that names the fix, not a JavaFX stack trace: GTK 3 (the window toolkit JavaFX uses on Linux)
 * and a display. Other systems and the headless Monocle platform (tests) need neither.
 */
final class DesktopCheck {

    static final String GTK = "libgtk-3.so.0";
    /** Where distributions put shared libraries, besides what ld.so.conf and LD_LIBRARY_PATH add. */
    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
            "/usr/local/lib");

    private DesktopCheck() {
    }

    /** The line to print when the desktop cannot open the console's window; empty when it can. */
    static Optional<String> problem(String osName, String glassPlatform, Path root, Function<String, String> env) {
        if (osName == null || !osName.toLowerCase(java.util.Locale.ROOT).contains("linux")
                || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        if (!gtkFound(root, env)) {
            return Optional.of("graphfleet console: GTK 3 (" + GTK + ") is not installed and JavaFX needs it for the "
                    + "window: sudo apt-get install libgtk-3-0 (Fedora: sudo dnf install gtk3), then run it again");
        }
        if (blank(env.apply("DISPLAY")) && blank(env.apply("WAYLAND_DISPLAY"))) {
            return Optional.of("graphfleet console: no display (DISPLAY is not set): run it in a desktop session, "
                    + "over ssh -X, or under a virtual one: xvfb-run ./graphfleet console");
        }
        return Optional.empty();
    }

    static Optional<String> problem() {
        return problem(System.getProperty("os.name"), System.getProperty("glass.platform"), Path.of("/"), System::getenv);
    }

    private static boolean gtkFound(Path root, Function<String, String> env) {
        return libraryDirs(root, env).stream().anyMatch(dir -> Files.exists(dir.resolve(GTK)));
    }

    private static List<Path> libraryDirs(Path root, Function<String, String> env) {
        List<Path> dirs = new ArrayList<>();
        String ldPath = env.apply("LD_LIBRARY_PATH");
        if (!blank(ldPath)) {
            for (String dir : ldPath.split(":")) {
                if (!dir.isBlank()) {
                    dirs.add(under(root, dir));
                }
            }
        }
        LIBRARY_DIRS.forEach(d -> dirs.add(under(root, d)));
        Path conf = under(root, "/etc/ld.so.conf.d");
        if (Files.isDirectory(conf)) {
            try (Stream<Path> files = Files.list(conf)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        String dir = line.strip();
                        if (dir.startsWith("/")) {
                            dirs.add(under(root, dir));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable ld.so.conf.d: the usual directories still count
            }
        }
        return dirs;
    }

    private static Path under(Path root, String absolute) {
        return root.resolve(absolute.substring(1));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
