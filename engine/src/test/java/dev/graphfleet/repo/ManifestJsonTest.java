package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.graphfleet.repo.RepositoryException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

    private static final RepositoryName SEC = RepositoryName.of("sec");
    private static final Manifest MANIFEST = Manifest.of(SEC, Version.parse("v3"), 1234, "ab".repeat(32), "0.11.2",
            Instant.parse("2026-11-21T10:00:00Z"));
    private static final String SOURCE = "s3://b/p/sec/v3/manifest.json";
    private final ObjectMapper mapper = new ObjectMapper();

    private byte[] edited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode node = (ObjectNode) mapper.readTree(ManifestJson.write(MANIFEST));
        edit.accept(node);
        return mapper.writeValueAsBytes(node);
    }

    private static Manifest read(byte[] json) throws RepositoryException {
        return ManifestJson.read(json, SOURCE, SEC, Optional.of(Version.parse("v3")));
    }

    @Test
    void roundTripsWithSnakeCaseFields() throws Exception {
        byte[] json = ManifestJson.write(MANIFEST);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"size_bytes\" : 1234",
                "\"engine_version\" : \"0.11.2\"", "\"object_key\" : \"sec/v3/data.kuzu\"", "\"format\" : 1");
        assertThat(read(json)).isEqualTo(MANIFEST);
        assertThat(read(edited(n -> n.put("comment", "added by a newer writer")))).isEqualTo(MANIFEST);
    }

    @Test
    void everyBadFieldIsNamed() throws Exception {
        assertInvalid(edited(n -> n.remove("sha256")), "has no field sha256");
        assertInvalid(edited(n -> n.put("sha256", "AB".repeat(32))), "field sha256 must be 64 lowercase hex digits");
        assertInvalid(edited(n -> n.put("size_bytes", -5)), "field size_bytes must be 0 or more (found -5)");
        assertInvalid(edited(n -> n.put("size_bytes", "12")), "field size_bytes must be a whole number");
        assertInvalid(edited(n -> n.put("name", "industry")), "names repository 'industry' but is stored under 'sec'");
        assertInvalid(edited(n -> n.put("version", "v4")), "says version v4 but is stored under v3");
        assertInvalid(edited(n -> n.put("version", "3")), "field version '3' is not 'v' followed by a positive number");
        assertInvalid(edited(n -> n.put("object_key", "sec/v3/../../industry/v1/data.kuzu")),
                "field object_key must be 'sec/v3/data.kuzu'");
        assertInvalid(edited(n -> n.put("engine_version", "0.11.2; rm")), "field engine_version must be");
        assertInvalid(edited(n -> n.put("created_at", "yesterday")), "field created_at 'yesterday' is not an ISO-8601 instant");
        assertInvalid(edited(n -> n.put("format", 2)), "has format 2, this graphfleet reads format 1");
        assertInvalid("{not json".getBytes(StandardCharsets.UTF_8), "is not valid JSON");
        assertInvalid("[1]".getBytes(StandardCharsets.UTF_8), "is not a JSON object");
        assertInvalid(new byte[ManifestJson.MAX_BYTES + 1], "more than a manifest's limit");
    }

    @Test
    void aFieldThatIsNullIsMissingAndOneOfTheWrongTypeSaysWhichItIs() throws Exception {
        assertInvalid(edited(n -> n.putNull("name")), "has no field name");
        assertInvalid(edited(n -> n.putNull("format")), "has no field format");
        assertInvalid(edited(n -> n.put("name", 7)), "field name must be a string (found NUMBER)");
    }

    @Test
    void aManifestOfExactlyTheLimitIsRead() throws Exception {
        byte[] json = ManifestJson.write(MANIFEST);
        byte[] padded = new byte[ManifestJson.MAX_BYTES];
        java.util.Arrays.fill(padded, (byte) ' ');
        System.arraycopy(json, 0, padded, 0, json.length);

        assertThat(read(padded)).isEqualTo(MANIFEST);
    }

    @Test
    void aManifestSaysWhichFieldIsMissingOrWrong() {
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        Version v3 = Version.parse("v3");
        assertThat(Manifest.of(SEC, v3, 0, "ab".repeat(32), "0.11.2", at).sizeBytes()).as("an empty object").isZero();
        assertThatThrownBy(() -> Manifest.of(SEC, v3, -1, "ab".repeat(32), "0.11.2", at))
                .hasMessage("size_bytes must be 0 or more (found -1)");
        assertThatThrownBy(() -> Manifest.of(SEC, v3, 1, null, "0.11.2", at))
                .hasMessage("sha256 must be 64 lowercase hex digits (found none)");
        assertThatThrownBy(() -> Manifest.of(SEC, v3, 1, "ab".repeat(32), null, at))
                .hasMessageEndingWith("(found none)");
        assertThatThrownBy(() -> new Manifest(SEC, v3, 1, "ab".repeat(32), "0.11.2", at, null))
                .hasMessage("object_key must be 'sec/v3/data.kuzu' (found none)");
    }

    private static void assertInvalid(byte[] json, String message) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(RepositoryException.class)
                .hasMessageStartingWith("manifest " + SOURCE + " ")
                .hasMessageContaining(message)
                .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(Reason.INVALID_MANIFEST);
    }
}
