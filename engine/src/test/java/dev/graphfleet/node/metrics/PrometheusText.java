package dev.graphfleet.node.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4, for tests: names, labels, values, TYPE/HELP
 * placement, grouping of families and duplicate series. {@link #problems} lists every violation.
 * Also runs {@code promtool check metrics} when it is installed.
 */
public final class PrometheusText {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
    private static final Pattern VALUE = Pattern.compile("[-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|Inf|NaN)");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    /** One sample: its name, labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<String> problems = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> types = new HashMap<>();

    private PrometheusText() {
    }

    public static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        parsed.read(text);
        return parsed;
    }

    public List<String> problems() {
        return problems;
    }

    public List<Sample> samples() {
        return samples;
    }

    public Map<String, String> types() {
        return types;
    }

    /** The value of the one sample with this name and these labels (a subset match). */
    public double value(String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream().filter(s -> s.name().equals(name)
                && s.labels().entrySet().containsAll(labels.entrySet())).toList();
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " samples " + name + labels + " in the exposition");
        }
        return matching.get(0).value();
    }

    private void read(String text) {
        Set<String> helped = new HashSet<>();
        Set<String> finishedFamilies = new HashSet<>();
        Set<String> series = new HashSet<>();
        String currentFamily = null;
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    String name = parts[2];
                    if (!NAME.matcher(name).matches()) {
                        problems.add(lineNumber + ": bad metric name " + name);
                    }
                    if (finishedFamilies.contains(name)) {
                        problems.add(lineNumber + ": " + parts[1] + " for " + name + " after its samples");
                    }
                    if (parts[1].equals("TYPE")) {
                        String type = parts.length == 4 ? parts[3] : "";
                        if (!TYPES.contains(type)) {
                            problems.add(lineNumber + ": unknown type '" + type + "' for " + name);
                        }
                        if (types.put(name, type) != null) {
                            problems.add(lineNumber + ": second TYPE for " + name);
                        }
                    } else if (!helped.add(name)) {
                        problems.add(lineNumber + ": second HELP for " + name);
                    }
                }
                continue;
            }
            Sample sample = sample(line, lineNumber);
            if (sample == null) {
                continue;
            }
            samples.add(sample);
            String family = familyOf(sample.name());
            if (family == null) {
                problems.add(lineNumber + ": sample " + sample.name() + " has no TYPE before it");
                continue;
            }
            if (!family.equals(currentFamily)) {
                if (finishedFamilies.contains(family)) {
                    problems.add(lineNumber + ": samples of " + family + " are not grouped together");
                }
                if (currentFamily != null) {
                    finishedFamilies.add(currentFamily);
                }
                currentFamily = family;
            }
            if (!series.add(sample.name() + new TreeMap<>(sample.labels()))) {
                problems.add(lineNumber + ": duplicate series " + sample.name() + sample.labels());
            }
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            problems.add("the exposition does not end with a newline");
        }
    }

    private Sample sample(String line, int lineNumber) {
        Matcher name = NAME.matcher(line);
        if (!name.lookingAt()) {
            problems.add(lineNumber + ": not a sample: " + line);
            return null;
        }
        String metric = name.group();
        String rest = line.substring(name.end());
        Map<String, String> labels = new TreeMap<>();
        if (rest.startsWith("{")) {
            int end = rest.indexOf("}");
            if (end < 0) {
                problems.add(lineNumber + ": unclosed labels: " + line);
                return null;
            }
            String inside = rest.substring(1, end);
            Matcher label = LABEL.matcher(inside);
            int at = 0;
            while (at < inside.length()) {
                if (!label.find(at) || label.start() != at) {
                    problems.add(lineNumber + ": bad labels: " + inside);
                    return null;
                }
                if (labels.put(label.group(1), label.group(2)) != null) {
                    problems.add(lineNumber + ": label " + label.group(1) + " twice");
                }
                at = label.end();
                if (at < inside.length()) {
                    if (inside.charAt(at) != ',') {
                        problems.add(lineNumber + ": bad labels: " + inside);
                        return null;
                    }
                    at++;
                }
            }
            rest = rest.substring(end + 1);
        }
        String[] fields = rest.trim().split(" ");
        if (!rest.startsWith(" ") || fields.length < 1 || fields.length > 2 || !VALUE.matcher(fields[0]).matches()) {
            problems.add(lineNumber + ": bad value: " + line);
            return null;
        }
        return new Sample(metric, labels, Double.parseDouble(fields[0].replace("Inf", "Infinity")));
    }

    private String familyOf(String sampleName) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                String type = types.get(base);
                if ("histogram".equals(type) || "summary".equals(type)) {
                    return base;
                }
            }
        }
        return null;
    }

    public static boolean promtoolInstalled() {
        return Files.isExecutable(PROMTOOL);
    }

    /** Runs {@code promtool check metrics} on the text; returns its exit code and output. */
    public static PromtoolResult promtool(String text) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish");
        }
        return new PromtoolResult(process.exitValue(), output);
    }

    public record PromtoolResult(int exitCode, String output) {
    }
}
