package dev.graphfleet.console.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console remembers between launches, in {@code $XDG_CONFIG_HOME/graphfleet/console.json}
 * (else {@code ~/.config/graphfleet/console.json}; {@code -Dgraphfleet.console.state=FILE} for another):
 * the window's size and position and the last source's options. A missing file is the defaults; a
 * broken one is the defaults with a warning, never a failed start. Written atomically, so a crash while
 * saving leaves the previous file.
 */
public final class ConsoleMemory {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleMemory.class);

    public static final String PATH_PROPERTY = "graphfleet.console.state";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The remembered state.
     *
     * @param window     the window's last bounds; null before the first close
     * @param lastSource the options that chose the last source ({@code --nodes URL,...}, {@code --aws --env prod});
     *                   empty for the local fleet. Names of environment variables only, never a key.
     */
    public record Remembered(Window window, List<String> lastSource) {
        public Remembered {
            lastSource = lastSource == null ? List.of() : List.copyOf(lastSource);
        }

        public static final Remembered NONE = new Remembered(null, List.of());

        public Remembered withWindow(Window w) {
            return new Remembered(w, lastSource);
        }

        public Remembered withLastSource(List<String> source) {
            return new Remembered(window, source);
        }
    }

    /** Window bounds in screen coordinates. */
    public record Window(double x, double y, double width, double height, boolean maximized) {
        /** Sizes a window can have: at least 400 × 300, finite. */
        public boolean plausible() {
            return Double.isFinite(x) && Double.isFinite(y) && width >= 400 && height >= 300
                    && width <= 20_000 && height <= 20_000;
        }
    }

    private final Path file;

    public ConsoleMemory(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The file the console uses: the system property, else the XDG config directory, else ~/.config. */
    public static ConsoleMemory standard(Function<String, String> environment) {
        String override = System.getProperty(PATH_PROPERTY);
        if (override != null && !override.isBlank()) {
            return new ConsoleMemory(Path.of(override));
        }
        String xdg = environment.apply("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return new ConsoleMemory(base.resolve("graphfleet").resolve("console.json"));
    }

    public Path file() {
        return file;
    }

    /** The remembered state; {@link Remembered#NONE} when there is none or it cannot be read (with a warning). */
    public Remembered load() {
        if (!Files.isRegularFile(file)) {
            return Remembered.NONE;
        }
        try {
            Remembered r = JSON.readValue(file.toFile(), Remembered.class);
            if (r == null) {
                return Remembered.NONE;
            }
            if (r.window() != null && !r.window().plausible()) {
                LOG.warn("{}: ignoring the remembered window {} (not a usable size); using the default", file,
                        r.window());
                r = r.withWindow(null);
            }
            return r;
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} cannot be read ({}); starting with the default window and source. Delete the file to "
                    + "silence this.", file, firstLine(e.getMessage()));
            return Remembered.NONE;
        }
    }

    /** Saves {@code state}; a failure is a warning (the console works without it). Returns true when saved. */
    public boolean save(Remembered state) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(state));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot save the console's window and source to {}: {}", file, e.getMessage());
            return false;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
