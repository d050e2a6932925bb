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
import java.util.List;
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
    static List<Problem> scan(YAMLParser parser, KeySchema root) throws IOException {
        List<Problem> unknown = new ArrayList<>();
        // The schema of each open mapping or list, innermost first.
        Deque<KeySchema> open = new ArrayDeque<>();
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
                if (here.isRecord() && !here.allows(key)) {
                    unknown.add(unknownKey(YamlErrors.pathOf(parser), key, here.keys(), parser.currentTokenLocation()));
                }
            } else if (token.isStructStart()) {
                open.push(open.isEmpty() ? root : schemaOfValue(open.peek(), parser));
            } else if (token.isStructEnd()) {
                open.pop();
            }
            rootDone = open.isEmpty();
        }
        if (!rootDone) {
            // Not a single value: the file holds only comments.
            throw new Refused(Problem.error("(file)", "has no settings",
                    "start from docs/examples/local.yml or docs/examples/production.yml"));
        }
        return unknown;
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
