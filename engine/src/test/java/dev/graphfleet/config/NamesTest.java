package dev.graphfleet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void identifiersPassAndEverythingElseIsRefused() {
        assertThat(List.of("sec", "industry", "kg0123abcd", "a", "a_1", "a".repeat(63))).allMatch(Names::isValid);
        assertThat(List.of("", "Sec", "1sec", "_sec", "se-c", "sec ", "../sec", "sec;", "a".repeat(64), "séc"))
                .noneMatch(Names::isValid);
        assertThat(Names.isValid(null)).isFalse();
    }

    @Test
    void requireNamesTheThingAndTheRule() {
        assertThat(Names.require("repository", "sec")).isEqualTo("sec");
        assertThatThrownBy(() -> Names.require("repository", "x') RETURN 1; //"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repository name \"x') RETURN 1; //\" is not valid: use " + Names.RULE);
    }

    @Test
    void quotedNamesCannotForgeOutput() {
        assertThat(Names.quote("a\nb\"c")).isEqualTo("\"a\\u000ab\\u0022c\"");
        assertThat(Names.quote("x".repeat(100))).hasSize(64 + 3 + 2);
        assertThat(Names.quote(null)).isEqualTo("(none)");
    }
}
