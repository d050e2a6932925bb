package dev.graphfleet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without GTK or a display the launcher prints one line with the fix (checked over a directory made to look like /). */
class DesktopCheckTest {

    @TempDir
    Path root;

    private static final Map<String, String> WITH_DISPLAY = Map.of("DISPLAY", ":0");

    @Test
    void withoutGtkTheProblemIsOneLineNamingThePackage() {
        var problem = DesktopCheck.problem("Linux", null, root, WITH_DISPLAY::get);

        assertThat(problem).hasValueSatisfying(line -> assertThat(line)
                .startsWith("graphfleet console: GTK 3 (libgtk-3.so.0) is not installed")
                .contains("sudo apt-get install libgtk-3-0").doesNotContain("\n").doesNotContain("Exception"));
    }

    @Test
    void gtkInADistributionsDirectoryOrOneFromLdSoConfIsFound() throws Exception {
        Path lib = Files.createDirectories(root.resolve("usr/lib/x86_64-linux-gnu"));
        Files.writeString(lib.resolve(DesktopCheck.GTK), "");
        assertThat(DesktopCheck.problem("Linux", null, root, WITH_DISPLAY::get)).isEmpty();

        Files.delete(lib.resolve(DesktopCheck.GTK));
        Path odd = Files.createDirectories(root.resolve("opt/gtk/lib"));
        Files.writeString(odd.resolve(DesktopCheck.GTK), "");
        Files.createDirectories(root.resolve("etc/ld.so.conf.d"));
        Files.writeString(root.resolve("etc/ld.so.conf.d/gtk.conf"), "# GTK\n/opt/gtk/lib\n");
        assertThat(DesktopCheck.problem("Linux", null, root, WITH_DISPLAY::get)).isEmpty();
    }

    @Test
    void withGtkButNoDisplayTheLineSaysHowToGetOne() throws Exception {
        Path lib = Files.createDirectories(root.resolve("usr/lib64"));
        Files.writeString(lib.resolve(DesktopCheck.GTK), "");

        assertThat(DesktopCheck.problem("Linux", null, root, Map.<String, String>of()::get))
                .hasValueSatisfying(line -> assertThat(line).contains("DISPLAY is not set", "xvfb-run"));
        assertThat(DesktopCheck.problem("Linux", null, root, Map.of("WAYLAND_DISPLAY", "wayland-0")::get)).isEmpty();
    }

    @Test
    void otherSystemsAndTheHeadlessPlatformNeedNeither() {
        assertThat(DesktopCheck.problem("Mac OS X", null, root, Map.<String, String>of()::get)).isEmpty();
        assertThat(DesktopCheck.problem("Linux", "Monocle", root, Map.<String, String>of()::get)).isEmpty();
    }
}
