package dev.graphfleet.bench.harness;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    /** Reads a node child's output until it says where it listens; then drains the rest in the background. */
    public static URI awaitListening(Process node) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            int at = line.indexOf("listening on ");
            if (at >= 0) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "node-output");
                drain.setDaemon(true);
                drain.start();
                return URI.create(line.substring(at + "listening on ".length()).trim());
            }
        }
        throw new IOException("the node process ended before it listened");
    }
}
