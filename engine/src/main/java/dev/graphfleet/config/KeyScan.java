package dev.graphfleet.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** The first pass over a config's tokens, before any binding: what YAML may not do here, and which keys the model lacks. */
final class KeyScan {

    private KeyScan() {
    }

    /**
     * Walks the tokens once, before binding: refuses aliases (Jackson would read {@code *name} as
     * the text "name", and alias expansion is how YAML bombs work) and extra documents, and
     * returns every key the model does not have, with its line and the nearest valid key.
     */
    static Result scan(YAMLParser parser, KeySchema root) throws IOException {
        List<Problem> unknown = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        java.util.Set<String> meantKeys = new java.util.HashSet<>();
        // The schema of each open mapping or list, innermost first; and the keys each open mapping has had.
        Deque<KeySchema> open = new ArrayDeque<>();
        Deque<Map<String, Integer>> seen = new ArrayDeque<>();
        boolean rootDone = false;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (rootDone) {
                throw new Refused(Problem.error("(file)",
                        "has more than one YAML document" + YamlErrors.at(parser.currentTokenLocation()),
                        "keep one document: remove the --- separator and what follows"));
            }
            if (parser.isCurrentAlias()) {
                throw new Refused(Problem.error(YamlErrors.pathOf(parser),
                        "uses a YAML alias" + YamlErrors.at(parser.currentTokenLocation()),
                        "write the values out; for shared settings use tier inheritance (replicas.<group>.tier)"));
            }
            if (token == JsonToken.FIELD_NAME) {
                KeySchema here = open.peek();
                String key = parser.currentName();
                String path = YamlErrors.pathOf(parser);
                int line = parser.currentTokenLocation().getLineNr();
                Integer first = seen.peek().putIfAbsent(key, line);
                if (first != null) {
                    unknown.add(Problem.error(path, "duplicate key " + PrintableKey.of(key)
                            + YamlErrors.at(parser.currentTokenLocation()) + "; first at line " + first,
                            "keep one of them (YAML would silently keep only the last)"));
                } else if (here.isRecord() && !here.allows(key)) {
                    unknown.add(unknownKey(path, key, here.keys(), parser.currentTokenLocation()));
                    String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.') + 1) : "";
                    Suggestions.nearest(key, here.keys()).ifPresent(meant -> meantKeys.add(parent + meant));
                }
                lines.put(path, line); // a repeated key's value is the last one: its line
            } else if (token.isStructStart()) {
                open.push(open.isEmpty() ? root : schemaOfValue(open.peek(), parser));
                seen.push(new HashMap<>());
            } else if (token.isStructEnd()) {
                open.pop();
                seen.pop();
            }
            rootDone = open.isEmpty();
        }
        if (!rootDone) {
            // Not a single value: the file holds only comments.
            throw new Refused(Problem.error("(file)", "has no settings",
                    "start from docs/examples/local.yml or docs/examples/production.yml"));
        }
        return new Result(unknown, lines, meantKeys);
    }

    /**
     * @param problems unknown and duplicate keys, in file order
     * @param lines    the line of every key path (the last when a key is repeated: YAML keeps that value)
     * @param meant    the paths the unknown keys were probably meant to be ({@code ...instance.type} for {@code typ})
     */
    record Result(List<Problem> problems, Map<String, Integer> lines, java.util.Set<String> meant) {

        /** Whether a validation problem only repeats a typo's consequence ("type: missing" after "typ"). */
        boolean followsFromATypo(Problem problem) {
            return meant.stream().anyMatch(m -> problem.path().equals(m) || problem.path().startsWith(m + "."));
        }

        /** The line of {@code path}, else of its nearest enclosing key that has one. */
        java.util.OptionalInt lineOf(String path) {
            for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
                Integer line = lines.get(p);
                if (line != null) {
                    return java.util.OptionalInt.of(line);
                }
            }
            return java.util.OptionalInt.empty();
        }

        /** The problem with its line added, when its path has one and the message does not name it yet. */
        Problem located(Problem problem) {
            java.util.OptionalInt line = lineOf(problem.path());
            if (line.isEmpty() || problem.message().contains("(line ")) {
                return problem;
            }
            return new Problem(problem.severity(), problem.path(), problem.message() + " (line " + line.getAsInt() + ")",
                    problem.fix());
        }
    }

    /** The schema of the value the parser just stepped into, from the container around it. */
    private static KeySchema schemaOfValue(KeySchema container, YAMLParser parser) {
        JsonStreamContext around = parser.getParsingContext().getParent();
        return around.inArray() ? container.items() : container.child(around.getCurrentName());
    }

    private static Problem unknownKey(String path, String key, Collection<String> known, JsonLocation where) {
        String printable = PrintableKey.of(key);
        String secretHint = looksLikeSecret(key)
                ? " Secrets never go in the config: put the API key in an environment variable"
                + " and name that variable in node.api.api_key_env."
                : "";
        String fix = Suggestions.nearest(key, known)
                .map(s -> "did you mean " + s + "?")
                .orElse("valid keys here: " + String.join(", ", known));
        return Problem.error(path, "unknown key " + printable + YamlErrors.at(where), fix + secretHint);
    }

    private static boolean looksLikeSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("key") || k.contains("secret") || k.contains("password") || k.contains("token");
    }

    /** A refusal that stops the scan: an alias, a second document, an empty file. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        Refused(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }
    }
}
