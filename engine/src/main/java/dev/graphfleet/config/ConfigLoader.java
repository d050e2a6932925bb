package dev.graphfleet.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a config strictly, in two passes over the text: a token scan that refuses aliases and
 * extra documents and collects every unknown key (with its line and the nearest valid key), then
 * Jackson binding into the records, which stops at the first value of the wrong type.
 */
final class ConfigLoader {

    /** A config is a page or two; anything past this is a mistake or an attack. */
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 16;

    private static final YAMLMapper MAPPER = newMapper();
    private static final KeySchema ROOT = KeySchema.of(GraphfleetConfig.class);

    private ConfigLoader() {
    }

    static GraphfleetConfig load(Path file) {
        String source = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(source, size);
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, Problem.error("(file)", "not found",
                    "check the path; examples are in docs/examples/"));
        } catch (CharacterCodingException e) {
            throw new ConfigException(source, Problem.error("(file)", "is not UTF-8 text", "save it as UTF-8"));
        } catch (IOException e) {
            throw new ConfigException(source, Problem.error("(file)", "cannot be read: " + e.getMessage(),
                    "check that the file exists and is readable"));
        }
    }

    static GraphfleetConfig parse(String yaml, String source) {
        if (yaml.length() > MAX_BYTES) {
            throw tooLarge(source, yaml.length());
        }
        if (yaml.isBlank()) {
            throw new ConfigException(source, Problem.error("(file)", "is empty",
                    "start from docs/examples/local.yml or docs/examples/production.yml"));
        }
        try {
            List<Problem> unknownKeys = scan(yaml);
            if (!unknownKeys.isEmpty()) {
                throw new ConfigException(source, unknownKeys);
            }
            GraphfleetConfig config = MAPPER.readValue(yaml, GraphfleetConfig.class);
            if (config == null) {
                throw new ConfigException(source, Problem.error("(file)", "has no settings",
                        "start from docs/examples/local.yml or docs/examples/production.yml"));
            }
            return config;
        } catch (ScanException e) {
            throw new ConfigException(source, e.problem);
        } catch (JacksonYAMLParseException e) {
            throw new ConfigException(source, malformed(e));
        } catch (StreamConstraintsException e) {
            throw new ConfigException(source, Problem.error("(file)", "nests deeper than " + MAX_DEPTH + " levels",
                    "a config is a few levels deep; check the indentation"));
        } catch (MismatchedInputException e) {
            throw new ConfigException(source, wrongType(e));
        } catch (JsonMappingException e) {
            throw new ConfigException(source, e.getCause() instanceof InputCoercionException
                    ? Problem.error(pathOf(e), "is out of range" + at(e.getLocation()),
                            "use a whole number up to " + Integer.MAX_VALUE)
                    : Problem.error(pathOf(e), "cannot be read" + at(e.getLocation()), "see docs/config.md for this key"));
        } catch (StreamReadException e) {
            throw new ConfigException(source, streamProblem(e));
        } catch (IOException e) {
            throw new ConfigException(source, Problem.error("(file)", "cannot be read: " + e.getMessage(),
                    "check the file"));
        }
    }

    private static YAMLMapper newMapper() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(0);
        loader.setAllowRecursiveKeys(false);
        loader.setNestingDepthLimit(MAX_DEPTH);
        loader.setCodePointLimit(MAX_BYTES);
        loader.setAllowDuplicateKeys(false);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_BYTES)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        YAMLMapper mapper = YAMLMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // "port: 80" is a number and "tier: 5" is not a name: no silent conversions either way.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Walks the tokens once, before binding: refuses aliases (Jackson would read {@code *name} as
     * the text "name", and alias expansion is how YAML bombs work) and extra documents, and
     * returns every key the model does not have, with its line and the nearest valid key.
     */
    private static List<Problem> scan(String yaml) throws IOException {
        List<Problem> unknown = new ArrayList<>();
        // The schema of each open mapping or list, innermost first.
        Deque<KeySchema> open = new ArrayDeque<>();
        boolean rootDone = false;
        try (YAMLParser parser = (YAMLParser) MAPPER.getFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (rootDone) {
                    throw new ScanException(Problem.error("(file)",
                            "has more than one YAML document" + at(parser.currentTokenLocation()),
                            "keep one document: remove the --- separator and what follows"));
                }
                if (parser.isCurrentAlias()) {
                    throw new ScanException(Problem.error(pathOf(parser),
                            "uses a YAML alias" + at(parser.currentTokenLocation()),
                            "write the values out; for shared settings use tier inheritance (replicas.<group>.tier)"));
                }
                if (token == JsonToken.FIELD_NAME) {
                    KeySchema here = open.peek();
                    String key = parser.currentName();
                    if (here.isRecord() && !here.allows(key)) {
                        unknown.add(unknownKey(pathOf(parser), key, here.keys(), parser.currentTokenLocation()));
                    }
                } else if (token.isStructStart()) {
                    open.push(schemaOfValue(open, parser));
                } else if (token.isStructEnd()) {
                    open.pop();
                }
                rootDone = open.isEmpty();
            }
            if (!rootDone) {
                // Not a single value: the file holds only comments.
                throw new ScanException(Problem.error("(file)", "has no settings",
                        "start from docs/examples/local.yml or docs/examples/production.yml"));
            }
        }
        return unknown;
    }

    /** The schema of the value the parser just stepped into, from the container around it. */
    private static KeySchema schemaOfValue(Deque<KeySchema> open, YAMLParser parser) {
        if (open.isEmpty()) {
            return ROOT;
        }
        KeySchema container = open.peek();
        JsonStreamContext around = parser.getParsingContext().getParent();
        return around.inArray() ? container.items() : container.child(around.getCurrentName());
    }

    private static Problem unknownKey(String path, String key, Collection<String> known, JsonLocation where) {
        String secretHint = looksLikeSecret(key)
                ? " Secrets never go in the config: put the API key in an environment variable"
                + " and name that variable in node.api.api_key_env."
                : "";
        String fix = Suggestions.nearest(key, known)
                .map(s -> "did you mean " + s + "?")
                .orElse("valid keys here: " + String.join(", ", known));
        return Problem.error(path, "unknown key " + key + at(where), fix + secretHint);
    }

    private static boolean looksLikeSecret(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.contains("key") || k.contains("secret") || k.contains("password") || k.contains("token");
    }

    /** The dotted key path of the parser's position: {@code tiers.ladybug-standard.instance.type}, {@code [0]} for list items. */
    static String pathOf(JsonParser parser) {
        if (parser == null) {
            return "(top level)";
        }
        JsonStreamContext ctx = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        // On a '{' or '[' the parser has already stepped into the new container.
        if (token != null && token.isStructStart() && ctx != null) {
            ctx = ctx.getParent();
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst(c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            }
        }
        return join(parts);
    }

    static String pathOf(JsonMappingException e) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            parts.addLast(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return join(parts);
    }

    private static String join(Collection<String> parts) {
        if (parts.isEmpty()) {
            return "(top level)";
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (path.length() > 0 && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }

    static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static Problem malformed(JacksonYAMLParseException e) {
        String problem = Optional.ofNullable(e.getCause())
                .filter(MarkedYAMLException.class::isInstance)
                .map(c -> ((MarkedYAMLException) c).getProblem())
                .orElse(e.getOriginalMessage());
        if (problem != null && problem.contains("exceeds the limit")) {
            return Problem.error("(file)", "is too large", "keep the config under " + MAX_BYTES / 1024 + " KiB");
        }
        return Problem.error("(file)", "is not valid YAML" + at(e.getLocation()) + ": " + problem,
                "check the indentation (spaces, not tabs) and quoting on that line");
    }

    private static Problem streamProblem(StreamReadException e) {
        String message = e.getOriginalMessage();
        String path = pathOf(e.getProcessor());
        if (message != null && message.startsWith("Duplicate field")) {
            return Problem.error(path, "is set twice" + at(e.getLocation()), "keep one of the two");
        }
        return Problem.error(path, "cannot be read" + at(e.getLocation()) + ": " + message,
                "check the YAML on that line");
    }

    private static Problem wrongType(MismatchedInputException e) {
        String path = pathOf(e);
        Class<?> target = e.getTargetType();
        if (e instanceof InvalidFormatException invalid && target != null && target.isEnum()) {
            List<String> allowed = enumNames(target);
            String fix = Optional.ofNullable(invalid.getValue() instanceof String s ? s : null)
                    .flatMap(s -> Suggestions.nearest(s, allowed))
                    .map(n -> "did you mean " + n + "?")
                    .orElse("use one of " + String.join(", ", allowed));
            return Problem.error(path, "must be one of " + String.join(", ", allowed) + at(e.getLocation()), fix);
        }
        String expected = describe(target);
        return Problem.error(path, "must be " + expected + at(e.getLocation()), "write " + expected + " here");
    }

    private static List<String> enumNames(Class<?> type) {
        if (type == NodeType.class) {
            return NodeType.wireNames();
        }
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(constant.toString());
        }
        return names;
    }

    /** A type, in the words of someone writing YAML. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping of names to values";
        }
        if (type == java.net.URI.class) {
            return "a URI (s3://bucket/prefix or file:///dir)";
        }
        if (type == Path.class) {
            return "a file system path";
        }
        return "a mapping (key: value lines)";
    }

    private static ConfigException tooLarge(String source, long size) {
        return new ConfigException(source, Problem.error("(file)",
                "is " + size + " bytes, over the " + MAX_BYTES / 1024 + " KiB limit",
                "a config is a few KiB; check that this is the right file"));
    }

    /** A refusal found by {@link #scan}, carried out of the parser's try block. */
    private static final class ScanException extends IOException {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        ScanException(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }
    }
}
