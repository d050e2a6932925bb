package dev.graphfleet.repo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graphfleet.repo.RepositoryException.Reason;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The manifest's JSON form (format 1), and reading it back with every field checked:
 * <pre>
 * {"format": 1, "name": "sec", "version": "v3", "size_bytes": 1234, "sha256": "&lt;64 hex&gt;",
 *  "engine_version": "0.11.2", "created_at": "2026-11-21T10:00:00Z", "object_key": "sec/v3/data.kuzu"}
 * </pre>
 * Unknown fields are ignored so a newer writer can add optional ones; a breaking change bumps
 * {@code format}, which older readers then refuse with a clear message.
 */
public final class ManifestJson {

    public static final int FORMAT = 1;
    /** Manifests are a few hundred bytes; anything larger is not one of ours. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {
    }

    public static byte[] write(Manifest manifest) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("format", FORMAT);
        node.put("name", manifest.name().value());
        node.put("version", manifest.version().toString());
        node.put("size_bytes", manifest.sizeBytes());
        node.put("sha256", manifest.sha256());
        node.put("engine_version", manifest.engineVersion());
        node.put("created_at", manifest.createdAt().toString());
        node.put("object_key", manifest.objectKey());
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a manifest as JSON", e);
        }
    }

    /**
     * Reads and checks a manifest found at {@code source} (shown in errors), which must belong to
     * {@code expectedName} and, for a per-version manifest, to {@code expectedVersion}.
     */
    public static Manifest read(byte[] json, String source, RepositoryName expectedName,
                                Optional<Version> expectedVersion) throws RepositoryException {
        if (json.length > MAX_BYTES) {
            throw invalid(source, "is " + json.length + " bytes, more than a manifest's limit of " + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(source, "is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw invalid(source, "cannot be parsed (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw invalid(source, "is not a JSON object");
        }
        long format = number(root, "format", source);
        if (format != FORMAT) {
            throw invalid(source, "has format " + format + ", this graphfleet reads format " + FORMAT
                    + "; upgrade graphfleet to read it");
        }
        String name = text(root, "name", source);
        if (!name.equals(expectedName.value())) {
            throw invalid(source, "names repository " + RepositoryName.quoted(name) + " but is stored under '"
                    + expectedName + "'");
        }
        String versionText = text(root, "version", source);
        if (!Version.isValid(versionText)) {
            throw invalid(source, "field version " + RepositoryName.quoted(versionText)
                    + " is not 'v' followed by a positive number");
        }
        Version version = Version.parse(versionText);
        if (expectedVersion.isPresent() && !expectedVersion.get().equals(version)) {
            throw invalid(source, "says version " + version + " but is stored under " + expectedVersion.get());
        }
        Instant createdAt;
        String createdText = text(root, "created_at", source);
        try {
            createdAt = Instant.parse(createdText);
        } catch (DateTimeParseException e) {
            throw invalid(source, "field created_at " + RepositoryName.quoted(createdText)
                    + " is not an ISO-8601 instant such as 2026-11-21T10:00:00Z");
        }
        try {
            return new Manifest(expectedName, version, number(root, "size_bytes", source),
                    text(root, "sha256", source), text(root, "engine_version", source), createdAt,
                    text(root, "object_key", source));
        } catch (IllegalArgumentException e) {
            throw invalid(source, "field " + e.getMessage());
        }
    }

    private static String text(JsonNode root, String field, String source) throws RepositoryException {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw invalid(source, "has no field " + field);
        }
        if (!value.isTextual()) {
            throw invalid(source, "field " + field + " must be a string (found " + value.getNodeType() + ")");
        }
        return value.textValue();
    }

    private static long number(JsonNode root, String field, String source) throws RepositoryException {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw invalid(source, "has no field " + field);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(source, "field " + field + " must be a whole number (found " + value + ")");
        }
        return value.longValue();
    }

    private static RepositoryException invalid(String source, String problem) {
        return new RepositoryException(Reason.INVALID_MANIFEST, "manifest " + source + " " + problem);
    }
}
