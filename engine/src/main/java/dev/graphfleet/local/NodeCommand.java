package dev.graphfleet.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the local fleet starts one of its nodes: a JVM running {@code mainClass} with {@code leadingArgs}, to which the
 * fleet appends {@code --config FILE --local-fleet DIR [--pin REPOSITORY=VERSION]...}. The program that serves a
 * node is not the engine's (it is the command line's), so whoever starts a fleet says which one it is.
 *
 * @param java        the {@code java} executable
 * @param classPath   the child's class path
 * @param mainClass   the class whose {@code main} runs the node
 * @param leadingArgs the arguments before the fleet's, e.g. {@code serve}
 */
public record NodeCommand(Path java, String classPath, String mainClass, List<String> leadingArgs) {

    public NodeCommand {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classPath, "classPath");
        Objects.requireNonNull(mainClass, "mainClass");
        leadingArgs = List.copyOf(leadingArgs);
    }

    /** {@code mainClass serve} on this process's JVM and class path: the child runs the code this process runs. */
    public static NodeCommand serve(String mainClass) {
        return new NodeCommand(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"), mainClass, List.of("serve"));
    }

    /** The whole command line: the JVM, its options, the class path, the main class and its arguments. */
    List<String> line(List<String> jvmOptions, List<String> args) {
        List<String> line = new ArrayList<>();
        line.add(java.toString());
        line.addAll(jvmOptions);
        line.addAll(List.of("-cp", classPath, mainClass));
        line.addAll(leadingArgs);
        line.addAll(args);
        return line;
    }
}
