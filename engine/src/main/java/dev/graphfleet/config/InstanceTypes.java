package dev.graphfleet.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The instance types the validator knows, from the {@code instance-types.yml} resource next to this class. */
public final class InstanceTypes {

    private static final String RESOURCE = "instance-types.yml";
    private static final InstanceTypes BUILT_IN = load();

    private final Map<String, InstanceType> byName;

    public InstanceTypes(Map<String, InstanceType> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** The shipped catalog: m6g, m7g, r6g and r7g, medium to 16xlarge. */
    public static InstanceTypes builtIn() {
        return BUILT_IN;
    }

    public Optional<InstanceType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    private record Entry(int vcpus, int memoryGib) {
    }

    private static InstanceTypes load() {
        YAMLMapper mapper = YAMLMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        try (InputStream in = InstanceTypes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, Entry> entries = mapper.readValue(in, new TypeReference<LinkedHashMap<String, Entry>>() { });
            Map<String, InstanceType> types = new LinkedHashMap<>();
            entries.forEach((name, e) -> types.put(name, new InstanceType(name, e.vcpus(), e.memoryGib())));
            return new InstanceTypes(types);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
