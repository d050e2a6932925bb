package dev.graphfleet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("max_memory_mb", "memory_per_db_mb", "type", "api_key_env");

    @Test
    void typosSwapsAndPrefixesFindTheirKey() {
        assertThat(Suggestions.nearest("max_memroy_mb", KEYS)).contains("max_memory_mb");
        assertThat(Suggestions.nearest("max_memory", KEYS)).contains("max_memory_mb");
        assertThat(Suggestions.nearest("typ", KEYS)).contains("type");
        assertThat(Suggestions.nearest("TYPE", KEYS)).contains("type");
        assertThat(Suggestions.nearest("api_key", KEYS)).contains("api_key_env");
    }

    @Test
    void nothingNearSuggestsNothing() {
        assertThat(Suggestions.nearest("flavour", KEYS)).isEmpty();
        assertThat(Suggestions.nearest("", KEYS)).isEmpty();
        assertThat(Suggestions.nearest("x", List.of())).isEmpty();
    }

    @Test
    void anAdjacentSwapIsOneEdit() {
        assertThat(Suggestions.distance("memroy", "memory")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }
}
