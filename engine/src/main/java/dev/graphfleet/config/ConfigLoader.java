package dev.graphfleet.config;

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
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a config strictly, in two passes over the text: {@link KeyScan} refuses aliases and extra
 * documents and collects every unknown and duplicate key (with its line and the nearest valid key), then
 * Jackson binds the records, stopping at the first value of the wrong type ({@link YamlErrors} words it).
 * A file with unknown or duplicate keys is still bound (leniently) and validated, so one run names every
 * problem: the keys, then the rest's wrong type or its validation problems, each with its line.
 */
final class ConfigLoader {

    /** A config is a page or two; anything past this is a mistake or an attack. */
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 16;

    private static final YAMLMapper MAPPER = newMapper(true);
    /**
     * Reads past unknown and duplicate keys (the last of a duplicate wins): for the key scan, which finds
     * them itself, and to check the rest of a file that has them, so one run reports every problem.
     */
    private static final YAMLMapper LENIENT = newMapper(false);
    private static final KeySchema ROOT = KeySchema.of(GraphfleetConfig.class);

    private ConfigLoader() {
    }

    static GraphfleetConfig load(Path file) {
        String source = file.toString();
        try {
            // A device or FIFO reports size 0 and reads without end (or blocks on open): refuse it unopened.
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new ConfigException(source, Problem.error("(file)", attributes.isDirectory() ? "is a directory"
                        : "is not a regular file (a device, FIFO or socket)", "pass the path of a YAML config file"));
            }
            if (attributes.size() > MAX_BYTES) {
                throw tooLarge(source, attributes.size());
            }
            return parse(readBounded(file, source), source);
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

    /** The file as strict UTF-8, reading at most one byte past the limit (it may have grown since its size was read). */
    private static String readBounded(Path file, String source) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(source, Problem.error("(file)", "is over the " + MAX_BYTES / 1024 + " KiB limit",
                    "a config is a few KiB; check that this is the right file"));
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    static GraphfleetConfig parse(String yaml, String source) {
        if (yaml.length() > MAX_BYTES) {
            throw tooLarge(source, yaml.length());
        }
        if (yaml.isBlank()) {
            throw new ConfigException(source, Problem.error("(file)", "is empty",
                    "start from docs/examples/local.yml or docs/examples/production.yml"));
        }
        KeyScan.Result scan;
        try (YAMLParser parser = (YAMLParser) LENIENT.getFactory().createParser(yaml)) {
            scan = KeyScan.scan(parser, ROOT);
        } catch (KeyScan.Refused e) {
            throw new ConfigException(source, e.problem);
        } catch (IOException e) {
            throw translate(e, source);
        }
        if (!scan.problems().isEmpty()) {
            throw new ConfigException(source, everyProblem(yaml, source, scan));
        }
        return bind(MAPPER, yaml, source);
    }

    /**
     * One pass for a file with unknown or duplicate keys: those, then what binding the rest finds (a wrong
     * type), else every validation problem of the rest, each with its line.
     */
    private static List<Problem> everyProblem(String yaml, String source, KeyScan.Result scan) {
        List<Problem> all = new java.util.ArrayList<>(scan.problems());
        try {
            ConfigValidator.check(bind(LENIENT, yaml, source)).stream().filter(p -> !scan.followsFromATypo(p))
                    .map(scan::located).forEach(all::add);
        } catch (ConfigException e) {
            e.problems().stream().map(scan::located).forEach(all::add);
        } catch (RuntimeException e) {
            // a config too broken to check further: its key problems say enough for this pass
        }
        return all;
    }

    /** Binds the text with {@code mapper}; every failure becomes a {@link ConfigException} naming the key. */
    private static GraphfleetConfig bind(YAMLMapper mapper, String yaml, String source) {
        try {
            GraphfleetConfig config = mapper.readValue(yaml, GraphfleetConfig.class);
            if (config == null) {
                throw new ConfigException(source, Problem.error("(file)", "has no settings",
                        "start from docs/examples/local.yml or docs/examples/production.yml"));
            }
            return config;
        } catch (IOException e) {
            throw translate(e, source);
        }
    }

    private static ConfigException translate(IOException failure, String source) {
        try {
            throw failure; // sorted by type below
        } catch (KeyScan.Refused e) {
            return new ConfigException(source, e.problem);
        } catch (JacksonYAMLParseException e) {
            return new ConfigException(source, YamlErrors.malformed(e));
        } catch (StreamConstraintsException e) {
            return new ConfigException(source, String.valueOf(e.getOriginalMessage()).contains("nesting")
                    ? Problem.error("(file)", "nests deeper than " + MAX_DEPTH + " levels",
                            "a config is a few levels deep; check the indentation")
                    : Problem.error("(file)", "has a value over the size limit", "a config is a few KiB"));
        } catch (MismatchedInputException e) {
            return new ConfigException(source, YamlErrors.wrongType(e));
        } catch (JsonMappingException e) {
            return new ConfigException(source, e.getCause() instanceof InputCoercionException
                    ? Problem.error(YamlErrors.pathOf(e), "is out of range" + YamlErrors.at(e.getLocation()),
                            "use a whole number up to " + Integer.MAX_VALUE)
                    : Problem.error(YamlErrors.pathOf(e), "cannot be read" + YamlErrors.at(e.getLocation()), "see docs/config.md for this key"));
        } catch (StreamReadException e) {
            return new ConfigException(source, YamlErrors.streamProblem(e));
        } catch (IOException e) {
            return new ConfigException(source, Problem.error("(file)", "cannot be read: " + e.getMessage(),
                    "check the file"));
        }
    }

    private static YAMLMapper newMapper(boolean strict) {
        // SnakeYAML's own limits as a second line; the scan below refuses aliases outright.
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(0);
        loader.setAllowRecursiveKeys(false);
        loader.setNestingDepthLimit(MAX_DEPTH);
        loader.setCodePointLimit(MAX_BYTES);
        loader.setAllowDuplicateKeys(!strict);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_BYTES)
                        .build())
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, strict)
                .build();
        YAMLMapper mapper = YAMLMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
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

    private static ConfigException tooLarge(String source, long size) {
        return new ConfigException(source, Problem.error("(file)",
                "is " + size + " bytes, over the " + MAX_BYTES / 1024 + " KiB limit",
                "a config is a few KiB; check that this is the right file"));
    }
}
