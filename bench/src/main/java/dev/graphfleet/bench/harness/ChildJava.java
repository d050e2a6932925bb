package dev.graphfleet.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts another JVM on this one's classpath: the "other process" some benchmarks need beside them. */
public final class ChildJava {

    private ChildJava() {
    }

    public static ProcessBuilder of(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Waits for a child that must end by itself, failing loudly if it did not end well. */
    public static void awaitSuccess(Process process, String what) throws InterruptedException, IOException {
        int code = process.waitFor();
        if (code != 0) {
            throw new IOException(what + " exited with " + code);
        }
    }
}
